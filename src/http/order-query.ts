import { DomainError } from '../domain-error.ts'
import { type OrderFilterText, readOrderFilter } from '../orders/read-order-filter.ts'
import type { OrderFilter, OrderPage, OrderSortKey } from '../store/order-query-repository.ts'

export const DEFAULT_LIMIT = 50
export const MAX_LIMIT = 500

const dateText = { type: 'string', description: 'ISO 8601 date or date-time (UTC when no offset is given)' }

export const orderFilterProperties = {
  status: { type: 'string', description: 'One status, or several separated by commas' },
  source: { type: 'string' },
  store: { type: 'string' },
  profile: { type: 'string' },
  proxy_list: { type: 'string' },
  from: { ...dateText, description: 'Created at or after (inclusive)' },
  to: { ...dateText, description: 'Created before (exclusive); a date alone includes that whole day' },
  q: { type: 'string', maxLength: 200, description: 'Case-insensitive text in the order number, product, email, customer name, tracking numbers or reference' }
}

export const orderListQuerystring = {
  type: 'object',
  properties: {
    ...orderFilterProperties,
    sort: { type: 'string', enum: ['created_at', 'order_date', 'total'], default: 'created_at' },
    order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
    limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
    cursor: { type: 'string', description: 'The `next_cursor` of the previous page, with the same filters and sort' }
  },
  additionalProperties: false
}

export type OrderFilterQuery = OrderFilterText

export interface OrderListQuery extends OrderFilterQuery {
  sort: OrderSortKey
  order: 'asc' | 'desc'
  limit: number
  cursor?: string
}

export function toOrderFilter (query: OrderFilterQuery): OrderFilter {
  return readOrderFilter(query)
}

interface CursorData { s: OrderSortKey, d: 'asc' | 'desc', k: string, i: number }

/** Opaque to clients: the sort it belongs to, and the sort key and id of the last order shown. */
export function encodeCursor (sort: OrderSortKey, order: 'asc' | 'desc', key: string, id: number): string {
  return Buffer.from(JSON.stringify({ s: sort, d: order, k: key, i: id } satisfies CursorData)).toString('base64url')
}

export function toOrderPage (query: OrderListQuery, limit = query.limit): OrderPage {
  const page: OrderPage = { sort: query.sort, descending: query.order === 'desc', limit }
  if (query.cursor === undefined) return page
  const data = decodeCursor(query.cursor)
  if (data.s !== query.sort || data.d !== query.order) {
    throw new DomainError('INVALID_QUERY', 'cursor belongs to another sort: start again without it', { field: 'cursor' })
  }
  return { ...page, after: { key: data.k, id: data.i } }
}

// The keys this server writes into cursors: an amount as stored ('1299.00', '-5.00'), or a time as stored (ISO text).
const KEY_FORMATS: Record<OrderSortKey, (key: string) => boolean> = {
  total: (key) => /^-?\d{1,30}(?:\.\d{1,10})?$/.test(key),
  created_at: isStoredTime,
  order_date: isStoredTime
}

function isStoredTime (key: string): boolean {
  return key.length <= 40 && /^[\d+\-:.TZ ]+$/.test(key) && Number.isFinite(Date.parse(key))
}

/**
 * A cursor cut short when a link was copied, or edited by hand, is refused before it reaches the database: PostgreSQL
 * refused an id beyond bigint or a NUL in the key (a 500), and a total that is no number matched any order.
 */
function isCursorData (data: Partial<CursorData>): data is CursorData {
  if (typeof data.s !== 'string' || typeof data.d !== 'string' || typeof data.k !== 'string') return false
  if (!Number.isSafeInteger(data.i) || (data.i ?? -1) < 0) return false
  const isKey = KEY_FORMATS[data.s as OrderSortKey] as ((key: string) => boolean) | undefined
  return isKey === undefined || isKey(data.k)
}

function decodeCursor (cursor: string): CursorData {
  try {
    const data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorData>
    if (isCursorData(data)) return data
  } catch {
    // Falls through to the error below: any undecodable cursor gets the same answer.
  }
  throw new DomainError('INVALID_QUERY', 'cursor is not one this server gave out', { field: 'cursor' })
}
