/**
 * The documented status set (docs/senders.md has the table). Platform readers map their senders' statuses onto it;
 * a status sent through the guide's generic mapping is kept as written, lower-cased and trimmed (`"Shipped"` ->
 * `shipped`), as the setup guide promises.
 */
export const ORDER_STATUSES = [
  'pending', 'processing', 'verified', 'on-hold', 'shipped', 'partially-shipped', 'delivered', 'cancelled',
  'refunded', 'failed'
] as const

export type OrderStatus = string

export function normalizeStatus (status: string): OrderStatus {
  return status.trim().toLowerCase()
}
