import { DomainError } from '../domain-error.ts'
import type { OrderFilter } from '../store/order-query-repository.ts'

/** The orders list's filters as users write them: the dashboard's query string and `roms export` options alike. */
export interface OrderFilterText {
  status?: string | undefined
  source?: string | undefined
  store?: string | undefined
  profile?: string | undefined
  proxy_list?: string | undefined
  from?: string | undefined
  to?: string | undefined
  q?: string | undefined
}

/** Reads the filters, or throws INVALID_QUERY naming the one at fault. */
export function readOrderFilter (text: OrderFilterText): OrderFilter {
  return {
    statuses: text.status?.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== ''),
    source: text.source,
    store: text.store,
    profile: text.profile,
    proxyList: text.proxy_list,
    from: text.from === undefined ? undefined : toInstant(text.from, 'from', false),
    to: text.to === undefined ? undefined : toInstant(text.to, 'to', true),
    search: text.q?.trim()
  }
}

/**
 * Stored times are `toISOString()` text, so a range compares as text once its bounds are written the same way. A
 * date-time without an offset is UTC, as everywhere in ROMS; a date alone as `to` includes that whole day.
 */
function toInstant (value: string, field: string, endOfDay: boolean): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value)
  const time = Date.parse(dateOnly ? `${value}T00:00:00Z` : hasZone ? value : `${value}Z`)
  if (!Number.isFinite(time)) throw new DomainError('INVALID_QUERY', `${field} must be an ISO 8601 date or date-time, got "${value}"`, { field })
  return new Date(dateOnly && endOfDay ? time + 86_400_000 : time).toISOString()
}
