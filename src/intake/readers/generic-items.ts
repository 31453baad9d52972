import { isBlank } from '../../orders/normalize-patch.ts'
import type { RawOrderItem, RawOrderPatch } from '../../orders/order-patch.ts'
import { describeProducts, singleItemFields, sumQuantities } from './describe-items.ts'
import { toAliasKey } from './field-aliases.ts'
import { isPlainObject, readFlatOrder } from './read-flat-order.ts'

// Where scripts and store exports list an order's products.
const ITEM_LISTS = new Set(['items', 'line_items', 'lineitems', 'order_items', 'products', 'cart', 'cart_items'])

/**
 * The line items of a script's order (`"items": [{ "product", "size", "quantity", "price" }]`, `line_items` with
 * `name`/`title`), read with the guide's names as the platforms' are: the order gets its items, and the product,
 * quantity (and with one item its size, sku and price) it does not say itself. The list stays in extra as sent.
 */
export function withGenericItems (patch: RawOrderPatch): RawOrderPatch {
  const key = Object.keys(patch.extra ?? {}).find((name) => ITEM_LISTS.has(toAliasKey(name)))
  const list = key === undefined ? undefined : patch.extra?.[key]
  if (!Array.isArray(list) || list.length === 0 || !list.every(isPlainObject)) return patch
  const items = list.map(readItem)
  // A list of ids or references (`"products": [{ "id": 5 }]`) names no product: it is not made into items.
  if (!items.every((item) => !isBlank(item.title) || !isBlank(item.sku))) return patch
  const fields = { ...patch.fields }
  const single = singleItemFields(items)
  const derived: RawOrderPatch['fields'] = {
    product: describeProducts(items.map((item) => item.title)),
    quantity: sumQuantities(items),
    size: single.size,
    sku: single.sku,
    price: single.price
  }
  for (const [field, value] of Object.entries(derived) as Array<[keyof RawOrderPatch['fields'], unknown]>) {
    if (fields[field] === undefined && value !== undefined && value !== null) fields[field] = value
  }
  return { ...patch, fields, items }
}

function readItem (item: Record<string, unknown>): RawOrderItem {
  const { fields } = readFlatOrder(item)
  // In an item, `name` and `title` are the product's (at the top level `name` is the customer's).
  const title = fields.product ?? item.title ?? item.name ?? item.Title ?? item.Name
  return { title, variant: fields.size, sku: fields.sku, quantity: fields.quantity, unitPrice: fields.price }
}
