import { quantityIfValid } from '../../orders/normalize-patch.ts'
import type { RawOrderItem } from '../../orders/order-patch.ts'

/**
 * The order's `product` when it has several line items: the first title and how many other lines there are
 * ("Air Jordan 1 + 2 more"), so the one-line order list stays readable; the items keep every title.
 */
export function describeProducts (titles: readonly unknown[]): string | undefined {
  const first = titles[0]
  if (typeof first !== 'string' || first.trim() === '') return undefined
  return titles.length === 1 ? first : `${first} + ${titles.length - 1} more`
}

/** The sum of the items' quantities (an item without one counts once), counted as the sender wrote them. */
export function sumQuantities (items: readonly RawOrderItem[]): number | undefined {
  if (items.length === 0) return undefined
  let sum = 0
  for (const item of items) {
    const quantity = item.quantity === undefined || item.quantity === null ? 1 : quantityIfValid(item.quantity)
    // A quantity the normaliser cannot read is left for it to reject on the item itself.
    if (quantity === undefined) return undefined
    sum += quantity
  }
  return sum
}

/** The order-level fields that describe its only item; with several items they stay on the items. */
export function singleItemFields (items: readonly RawOrderItem[]): { size?: unknown, sku?: unknown, price?: unknown } {
  const [only] = items
  if (only === undefined || items.length > 1) return {}
  return { size: only.variant, sku: only.sku, price: only.unitPrice }
}
