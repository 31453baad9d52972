import { DomainError } from '../domain-error.ts'
import type { OrderFilter } from '../store/order-query-repository.ts'
import { normalizeStatus } from './order-status.ts'

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

/** Reads the filters, or throws INVALID_QUERY naming the one at fault. An empty value is no filter, as a form sends it. */
export function readOrderFilter (text: OrderFilterText): OrderFilter {
  const from = given(text.from)
  const to = given(text.to)
  return {
    statuses: readStatuses(given(text.status)),
    // ROMS names its sources itself, in lower case (`shopify`): `Shopify`, as a person types it, is the same one.
    source: given(text.source?.trim().toLowerCase()),
    store: given(text.store),
    profile: given(text.profile),
    proxyList: given(text.proxy_list),
    from: from === undefined ? undefined : readInstant(from, 'from', 'start'),
    to: to === undefined ? undefined : readInstant(to, 'to', 'end'),
    search: given(text.q?.trim())
  }
}

function given (value: string | undefined): string | undefined {
  return value === '' ? undefined : value
}

// An ISO 8601 / RFC 3339 date, or date-time with or without an offset (years beyond 9999 as JavaScript writes them).
// Date.parse alone also takes what is no date: `1` is 2001-01-01, `hello 2026` the year's first day.
const ISO_INSTANT = /^(?:[+-]\d{6}|\d{4,6})-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i

/**
 * Stored times are `toISOString()` text, so a range compares as text once its bounds are written the same way. A
 * date-time without an offset is UTC, as everywhere in ROMS; a date alone is that day's start, or as an `end` bound
 * (exclusive) the next day's, so that it includes that whole day. A day the calendar does not have (02-30) is refused:
 * `Date.parse` would move it to the next month.
 */
export function readInstant (value: string, field: string, bound: 'start' | 'end'): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value)
  const time = Date.parse(dateOnly ? `${value}T00:00:00Z` : hasZone ? value : `${value}Z`)
  if (!ISO_INSTANT.test(value) || !Number.isFinite(time) || !isCalendarDay(value)) {
    throw new DomainError('INVALID_QUERY', `${field} must be an ISO 8601 date or date-time, got "${value}"`, { field })
  }
  return toStoredText(dateOnly && bound === 'end' ? time + 86_400_000 : time)
}

// toISOString() writes a year outside 0000-9999 with a sign and six digits ('+010000-01-01…'), which sorts before
// every stored time as text: `to=9999-12-31`, a common "until forever", found no orders at all.
const FIRST = Date.parse('0000-01-01T00:00:00.000Z')
const LAST = Date.parse('9999-12-31T23:59:59.999Z')

/** The instant as stored times are written, held within the years that text can write. */
function toStoredText (time: number): string {
  return new Date(Math.min(Math.max(time, FIRST), LAST)).toISOString()
}

function isCalendarDay (value: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (parts === null) return true
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day
}

/**
 * The statuses asked for, each also as the documented status it is another word for (`in transit` finds `shipped`, as
 * such an order is now stored), and as written (an order stored before that).
 */
function readStatuses (text: string | undefined): string[] | undefined {
  const written = text?.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '')
  return written === undefined ? undefined : [...new Set(written.flatMap((s) => [s, normalizeStatus(s)]))]
}
