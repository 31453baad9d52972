import type { OrderPatch } from '../orders/order-patch.ts'
import { findLatestAppliedEmailDate } from '../store/email-message-repository.ts'
import type { Db } from '../store/database.ts'
import { findItems, findOrderForUpdate, type StoredOrder } from '../store/order-repository.ts'
import type { CancelledItem, EmailReading } from './email-reading.ts'
import { lowerCancelledItems } from './lower-cancelled-items.ts'

export type EmailPlan = { patch: OrderPatch } | { problems: string[] }

/**
 * Turns an email's patch into the one to apply, against the order as stored (read in the caller's transaction).
 *
 * - No `sourceUpdatedAt`: an email is a fact to add (a tracking number, a cancellation), not a newer version of the
 *   order. The email's date compared with a platform's `updated_at` would make a shipping email "stale" behind any
 *   later Shopify edit and lose its tracking number; and it would move the platform's own staleness mark.
 * - Emails are ordered among themselves instead: one dated before an email already applied to the order changes no
 *   status and no items (a shipping notice read after the delivery notice adds its tracking number only).
 * - On an order ROMS has, an email fills in what the order lacks and changes only what it is news of: the status,
 *   tracking numbers, a partial cancellation's quantities, and a confirmation's item list. The rest (store, email,
 *   total, order date; the items and their fields for any other notice) is the bot's or the store's own and stays: a
 *   retailer's shipping notice renamed the store "Nike US" to "Nike", moving the order in the per-store figures, and
 *   repeated "2 x Dunk Low at 115.00" as "Dunk Low", which read as 1 at no price.
 * - A partial cancellation becomes a whole item list, the stored items with the cancelled quantities taken off, so it
 *   goes through applyPatch like any other change.
 */
export async function planEmailPatch (db: Db, reading: EmailReading, patch: OrderPatch, emailId: number | null): Promise<EmailPlan> {
  const { sourceUpdatedAt: _ignored, ...planned } = patch
  const order = await findOrderForUpdate(db, patch.orderNumber)
  const cancelsItems = reading.kind === 'partial-cancellation'
  if (order === undefined) {
    if (!cancelsItems) return { patch: planned }
    return { problems: ['the order is not known yet, so no item can be lowered; re-run this email once the order is in ROMS'] }
  }
  let result: OrderPatch = await withoutWhatTheOrderHas(db, planned, order, reading.kind === 'order-confirmation')
  if (cancelsItems) {
    const lowered = lowerCancelledItems(await findItems(db, order.id), reading.cancelledItems ?? [])
    if (lowered.missing.length > 0) return { problems: lowered.missing.map(describeMissing) }
    const quantity = order.values.quantity === undefined
      ? lowered.items.reduce((sum, item) => sum + item.quantity, 0)
      : Math.max(0, order.values.quantity - lowered.lowered)
    result = { ...result, items: lowered.items, fields: { ...result.fields, quantity } }
  }
  const latest = await findLatestAppliedEmailDate(db, order.id, emailId)
  if (reading.date !== null && latest !== null && reading.date < latest) result = withoutOrderState(result, cancelsItems)
  return { patch: result }
}

/** Fields an email sets on a known order whatever it held: what the email is news of. */
const NEWS_FIELDS = new Set<keyof OrderPatch['fields']>(['status', 'trackingNumber', 'carrier'])
/** The fields an email's item list gives (build-patch.ts): a confirmation's list is the order's, and replaces them. */
const ITEM_FIELDS = new Set<keyof OrderPatch['fields']>(['product', 'size', 'sku', 'price', 'quantity'])

/**
 * The patch without what the order already holds. A shipping, delivery or cancellation notice repeats the order's
 * items, often without their quantity, SKU or price (a missing quantity reads as 1), so only a confirmation's list
 * replaces the stored one.
 */
async function withoutWhatTheOrderHas (db: Db, patch: OrderPatch, order: StoredOrder, listsTheOrder: boolean): Promise<OrderPatch> {
  const fields: OrderPatch['fields'] = {}
  for (const [field, value] of Object.entries(patch.fields) as Array<[keyof OrderPatch['fields'], unknown]>) {
    const replaces = NEWS_FIELDS.has(field) || (listsTheOrder && ITEM_FIELDS.has(field))
    if (replaces || order.values[field] === undefined) Object.assign(fields, { [field]: value })
  }
  const { items, ...rest } = patch
  const keepsItems = items !== undefined && (listsTheOrder || (await findItems(db, order.id)).length === 0)
  return { ...rest, fields, ...(keepsItems ? { items } : {}) }
}

function withoutOrderState (patch: OrderPatch, keepItems: boolean): OrderPatch {
  const { status: _status, quantity, ...fields } = patch.fields
  if (keepItems) return { ...patch, fields: quantity === undefined ? fields : { ...fields, quantity } }
  const { items: _items, ...rest } = patch
  return { ...rest, fields }
}

function describeMissing (item: CancelledItem): string {
  const size = item.size === null ? '' : ` (size ${item.size})`
  return `the cancelled item "${item.title}"${size} is not among the order's items`
}
