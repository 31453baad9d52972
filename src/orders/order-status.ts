/**
 * The documented status set (docs/senders.md has the table). Platform readers map their senders' statuses onto it;
 * a status sent through the guide's generic mapping is kept as written, lower-cased and trimmed (`"Shipped"` ->
 * `shipped`), as the setup guide promises. Only another spelling of a documented status becomes that status
 * (`Canceled`, `On Hold`, `partially_shipped`): the stats count cancellations by the documented name.
 */
export const ORDER_STATUSES = [
  'pending', 'processing', 'verified', 'on-hold', 'shipped', 'partially-shipped', 'delivered', 'cancelled',
  'refunded', 'failed'
] as const

export type OrderStatus = string

const DOCUMENTED = new Set<string>(ORDER_STATUSES)

// The American spelling, as many bots and scripts write it.
const SPELLINGS: Record<string, string> = { canceled: 'cancelled' }

export function normalizeStatus (status: string): OrderStatus {
  const written = status.trim().toLowerCase()
  const hyphenated = written.replace(/[\s_]+/g, '-')
  if (DOCUMENTED.has(hyphenated)) return hyphenated
  return SPELLINGS[hyphenated] ?? written
}
