import { isDomainError } from '../../domain-error.ts'
import { readOrderFilter } from '../../orders/read-order-filter.ts'
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

/** The dashboard's filters (GET /api/v2/orders), with the same meaning and the same reading, from command-line options. */
export function toOrderFilter (input: CommandInput): OrderFilter {
  try {
    return readOrderFilter({
      status: stringOption(input, 'status'),
      source: stringOption(input, 'source'),
      store: stringOption(input, 'store'),
      profile: stringOption(input, 'profile'),
      proxy_list: stringOption(input, 'proxy-list'),
      from: stringOption(input, 'from'),
      to: stringOption(input, 'to'),
      q: stringOption(input, 'q')
    })
  } catch (error) {
    if (isDomainError(error) && error.field !== undefined) throw new UsageError(`--${error.field} ${error.message.slice(error.field.length + 1)}`)
    throw error
  }
}
