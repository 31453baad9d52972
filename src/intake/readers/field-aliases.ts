import type { OrderField } from '../../orders/order-patch.ts'

/**
 * The setup guide's field-mapping table, plus ROMS's own fields. Keys are compared after `toAliasKey`, so `Order
 * Number`, `orderNumber` and `ORDER_NUMBER` are all `order_number`. The first alias present wins.
 */
export const ORDER_NUMBER_ALIASES = ['order_number', 'order_no', 'order_num', 'order_id'] as const

export const FIELD_ALIASES: ReadonlyArray<readonly [OrderField, readonly string[]]> = [
  ['product', ['product', 'product_name', 'item']],
  ['size', ['size', 'variant']],
  ['sku', ['sku', 'style_code']],
  ['store', ['store', 'site', 'retailer']],
  ['price', ['price', 'unit_price']],
  ['total', ['total', 'total_price', 'amount']],
  ['commission', ['commission', 'profit']],
  ['currency', ['currency']],
  ['quantity', ['quantity', 'qty']],
  ['email', ['email', 'customer_email']],
  ['customerName', ['customer_name', 'name']],
  ['profile', ['profile']],
  ['proxyList', ['proxy_list', 'proxy']],
  ['referenceNumber', ['reference', 'reference_number']],
  ['status', ['status', 'order_status']],
  ['trackingNumber', ['tracking', 'tracking_number', 'shipment_id']],
  ['carrier', ['carrier']],
  ['orderDate', ['order_date', 'created_at', 'date']]
]

/** A name with nothing between its words: `ordernumber`, `ORDERNUMBER`, `CustomerEmail`'s upper-case twin. */
const COMPACT_ALIASES = new Map<string, string>(
  [...ORDER_NUMBER_ALIASES, ...FIELD_ALIASES.flatMap(([, aliases]) => aliases)].map((alias) => [alias.replace(/_/g, ''), alias])
)

/** `Order Number`, `orderNumber`, `order-number`, `ORDERNUMBER`, `Order #`, `Order No.` -> `order_number` (or `order_no`). */
export function toAliasKey (key: string): string {
  let alias = known.get(key)
  if (alias === undefined) {
    alias = key.trim()
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
      // Spreadsheet headers: "Order #" and "Order No." are the order number's column.
      .replace(/#/g, '_number')
      .replace(/[\s\-._]+/g, '_')
      .replace(/^_|_$/g, '')
    alias = COMPACT_ALIASES.get(alias) ?? alias
    // A sender uses the same few dozen keys on every delivery; the bounds keep odd payloads from growing it.
    if (known.size < KNOWN_KEYS && key.length <= KNOWN_KEY_LENGTH) known.set(key, alias)
  }
  return alias
}

const KNOWN_KEYS = 10_000
const KNOWN_KEY_LENGTH = 64
const known = new Map<string, string>()
