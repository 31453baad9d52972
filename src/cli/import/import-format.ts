import { FIELD_ALIASES, ORDER_NUMBER_ALIASES, toAliasKey } from '../../intake/readers/field-aliases.ts'

export const IMPORT_FORMATS = ['orders', 'tracking', 'cancellations', 'statement'] as const
export type ImportFormat = typeof IMPORT_FORMATS[number]

const TRACKING_ALIASES = ['tracking', 'tracking_number', 'tracking_numbers', 'tracking_no', 'tracking_id', 'shipment_id']
const CARRIER_ALIASES = ['carrier', 'shipping_carrier', 'courier']
const REFERENCE_ALIASES = ['reference', 'reference_number', 'reference_no', 'ref', 'ref_no', 'transaction_id']
const POSTED_DATE_ALIASES = ['posted_date', 'post_date', 'posting_date', 'posted', 'date_posted', 'posted_on']
const AMOUNT_ALIASES = ['amount', 'debit', 'charge', 'total']
/** Columns of ROMS's own export that describe the record, not the order (`roms export --meta`). */
const EXPORT_META_COLUMNS = ['id', 'source', 'created_at', 'updated_at']

export const LIST_ALIASES = {
  orderNumber: ORDER_NUMBER_ALIASES as readonly string[],
  tracking: TRACKING_ALIASES,
  carrier: CARRIER_ALIASES,
  reference: REFERENCE_ALIASES,
  postedDate: POSTED_DATE_ALIASES,
  amount: AMOUNT_ALIASES
}

const KNOWN_HEADERS = new Set([
  ...ORDER_NUMBER_ALIASES, ...FIELD_ALIASES.flatMap(([, aliases]) => aliases), ...TRACKING_ALIASES, ...CARRIER_ALIASES,
  ...REFERENCE_ALIASES, ...POSTED_DATE_ALIASES, ...AMOUNT_ALIASES, 'extra'
])

/** Whether a one-column file's first cell names a column (`Order #`) rather than being the first order number. */
export function isKnownHeader (cell: string): boolean {
  return KNOWN_HEADERS.has(toAliasKey(canonicalHeader(cell)))
}

/** Whether a column holds the order number, under any name the importer reads it by. */
export function isOrderNumberHeader (cell: string): boolean {
  return (ORDER_NUMBER_ALIASES as readonly string[]).includes(toAliasKey(canonicalHeader(cell)))
}

/** Spreadsheet spellings of the order number column that the webhook table has no use for: `Order #`, `Order`. */
export function canonicalHeader (cell: string): string {
  const key = toAliasKey(cell).replace(/#/g, 'number').replace(/_+$/, '')
  return /^order(?:_?(?:number|no|num|id|nr))?$/.test(key) ? 'order_number' : cell
}

/**
 * The format a file's headers show: a single column of order numbers is a cancellation list; order number and
 * tracking (and carrier) only is a tracking list; a posted date beside a reference is a card statement; anything
 * else is orders, read through the webhook alias table. A JSON object with only its order number is the setup
 * guide's minimal payload, which creates or confirms an order: a JSON file is never taken for cancellations
 * (`--format cancellations` says so when meant).
 */
export function detectFormat (headers: readonly string[], kind: 'csv' | 'json' = 'csv'): ImportFormat {
  const keys = headers.map(toAliasKey)
  const has = (aliases: readonly string[]): boolean => keys.some((key) => aliases.includes(key))
  if (has(POSTED_DATE_ALIASES) && has(REFERENCE_ALIASES)) return 'statement'
  const known = keys.filter((key) => KNOWN_HEADERS.has(key))
  if (known.length === 1 && has(ORDER_NUMBER_ALIASES) && keys.length === 1) return kind === 'json' ? 'orders' : 'cancellations'
  const listColumns = [...ORDER_NUMBER_ALIASES, ...TRACKING_ALIASES, ...CARRIER_ALIASES]
  if (has(ORDER_NUMBER_ALIASES) && has(TRACKING_ALIASES) && keys.every((key) => listColumns.includes(key))) return 'tracking'
  return 'orders'
}

/** A ROMS export with `--meta` carries its own bookkeeping columns; the importer records its own instead. */
export function metaColumnsOf (headers: readonly string[]): Set<string> {
  const keys = new Set(headers.map(toAliasKey))
  const isExport = keys.has('order_number') && keys.has('order_date') && keys.has('created_at') && keys.has('updated_at')
  return new Set(isExport ? headers.filter((h) => EXPORT_META_COLUMNS.includes(toAliasKey(h))) : [])
}
