import type { OrderFilter } from '../../store/order-query-repository.ts'
import { type CommandInput, stringOption, UsageError } from '../command.ts'

export const orderFilterOptions = {
  status: { type: 'string' },
  source: { type: 'string' },
  store: { type: 'string' },
  profile: { type: 'string' },
  'proxy-list': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  q: { type: 'string' }
} as const

export const ORDER_FILTER_HELP = `
  --status S       one status, or several separated by commas (shipped,delivered)
  --store S, --source S, --profile P, --proxy-list L   exact matches
  --from D         created at or after D (ISO 8601 date or date-time, UTC without an offset)
  --to D           created before D; a date alone includes that whole day
  --q TEXT         text in the order number, product, email, customer name, tracking numbers or reference`

/** The dashboard's filters (GET /api/v2/orders), with the same meaning, from command-line options. */
export function toOrderFilter (input: CommandInput): OrderFilter {
  const status = stringOption(input, 'status')
  const from = stringOption(input, 'from')
  const to = stringOption(input, 'to')
  return {
    statuses: status?.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== ''),
    source: stringOption(input, 'source'),
    store: stringOption(input, 'store'),
    profile: stringOption(input, 'profile'),
    proxyList: stringOption(input, 'proxy-list'),
    from: from === undefined ? undefined : toInstant(from, 'from', false),
    to: to === undefined ? undefined : toInstant(to, 'to', true),
    search: stringOption(input, 'q')?.trim()
  }
}

/** Stored times are `toISOString()` text, so bounds are written the same way to compare as text. */
function toInstant (value: string, option: string, endOfDay: boolean): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value)
  const time = Date.parse(dateOnly ? `${value}T00:00:00Z` : hasZone ? value : `${value}Z`)
  if (!Number.isFinite(time)) throw new UsageError(`--${option} must be an ISO 8601 date or date-time, got "${value}"`)
  return new Date(dateOnly && endOfDay ? time + 86_400_000 : time).toISOString()
}
