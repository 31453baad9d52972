import type { Order } from '../types.ts'

/** The list filters of /api/v2/orders, as the view's URL and the API both spell them. */
export const FILTER_NAMES = ['q', 'status', 'source', 'store', 'profile', 'proxy_list', 'from', 'to', 'sort', 'order'] as const
export type FilterName = typeof FILTER_NAMES[number]
export type OrderQuery = Partial<Record<FilterName, string>>

const EXACT = ['source', 'store', 'profile', 'proxy_list'] as const

export function readQuery (params: URLSearchParams): OrderQuery {
  const query: OrderQuery = {}
  for (const name of FILTER_NAMES) {
    const value = params.get(name)
    if (value !== null && value !== '') query[name] = name === 'source' ? value.trim().toLowerCase() : value
  }
  return query
}

/**
 * Whether a streamed order belongs in the list, decided here for the exact-match filters. Search, dates and other sort
 * orders are left to the server (undefined): the list is fetched again instead of guessing its rules.
 */
export function matchesQuery (order: Order, query: OrderQuery): boolean | undefined {
  if (query.q !== undefined || query.from !== undefined || query.to !== undefined) return undefined
  if ((query.sort ?? 'created_at') !== 'created_at' || (query.order ?? 'desc') !== 'desc') return undefined
  // The API takes several statuses separated by commas, trimmed and lower-cased (a link may say `Shipped, delivered`).
  if (query.status !== undefined && !query.status.split(',').map((s) => s.trim().toLowerCase()).includes(order.status)) return false
  return EXACT.every((name) => query[name] === undefined || String(order[name] ?? '') === query[name])
}

/** The order in a stream event's data, which is the order itself or wraps it. */
export function orderOf (data: unknown): Order | undefined {
  const candidate = (typeof data === 'object' && data !== null && 'order' in data ? (data as { order: unknown }).order : data) as Partial<Order> | null
  if (typeof candidate !== 'object' || candidate === null) return undefined
  return typeof candidate.id === 'number' && typeof candidate.order_number === 'string' && typeof candidate.created_at === 'string' ? candidate as Order : undefined
}
