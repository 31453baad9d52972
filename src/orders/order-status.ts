/**
 * The documented status set (docs/senders.md has the table). Platform readers map their senders' statuses onto it;
 * a status sent through the guide's generic mapping is stored lower-cased and trimmed (`"Shipped"` -> `shipped`), as
 * the setup guide promises, and one that is another word for a documented status becomes it (`Canceled`, `On Hold`,
 * `in_transit`, `Out for Delivery`, `completed`): a user filtering by `shipped` or counting cancellations expects
 * every order in that state, whatever word its sender used. Any other status is kept as written.
 */
export const ORDER_STATUSES = [
  'pending', 'processing', 'verified', 'on-hold', 'shipped', 'partially-shipped', 'delivered', 'cancelled',
  'refunded', 'failed'
] as const

export type OrderStatus = string

const DOCUMENTED = new Set<string>(ORDER_STATUSES)

// Other words senders use for the documented statuses, written as `normalizeStatus` compares them (lower case, spaces
// and underscores as hyphens). They follow the platforms' table: WooCommerce's `completed` is shipped, Shopify's
// `fulfilled` shipped and `authorized` pending, a carrier's `in transit` and `out for delivery` are shipped, and a
// bot's `success` is a verified checkout.
const SYNONYMS_OF: Record<string, readonly string[]> = {
  cancelled: ['canceled', 'cancel', 'cancellation', 'cancelation', 'voided', 'void'],
  shipped: ['in-transit', 'intransit', 'out-for-delivery', 'dispatched', 'despatched', 'shipping', 'fulfilled', 'completed',
    'complete', 'on-its-way'],
  'partially-shipped': ['partially-fulfilled', 'partial-shipped', 'partially-dispatched'],
  delivered: ['delivery-complete'],
  refunded: ['refund'],
  pending: ['pending-payment', 'awaiting-payment', 'payment-pending', 'unpaid', 'authorized'],
  processing: ['paid', 'in-progress', 'awaiting-fulfillment', 'awaiting-shipment', 'unfulfilled', 'ready-to-ship'],
  verified: ['success', 'successful', 'checked-out'],
  'on-hold': ['hold', 'onhold', 'held'],
  failed: ['failure', 'declined', 'payment-failed', 'expired']
}

const SYNONYMS = new Map(Object.entries(SYNONYMS_OF).flatMap(([status, words]) => words.map((word) => [word, status] as const)))

export function normalizeStatus (status: string): OrderStatus {
  const written = status.trim().toLowerCase()
  const hyphenated = written.replace(/[\s_-]+/g, '-')
  if (DOCUMENTED.has(hyphenated)) return hyphenated
  return SYNONYMS.get(hyphenated) ?? written
}
