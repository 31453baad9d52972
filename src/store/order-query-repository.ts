import { type RawBuilder, sql, type SelectQueryBuilder } from 'kysely'
import { formatCents, toCents } from '../orders/parse-money.ts'
import type { Database, Db } from './database.ts'
import { type StoredOrder, toStoredOrder } from './order-repository.ts'
import { chooseOrderListPlan } from './order-list-plan.ts'
import { findSearchMatches, orderIdIn } from './order-search.ts'
import { orderMatches, toSearchTerm } from './search-predicate.ts'

export type OrderSortKey = 'created_at' | 'order_date' | 'total'

export interface OrderFilter {
  statuses?: readonly string[] | undefined
  source?: string | undefined
  store?: string | undefined
  profile?: string | undefined
  proxyList?: string | undefined
  /** ISO 8601 UTC, inclusive. */
  from?: string | undefined
  /** ISO 8601 UTC, exclusive. */
  to?: string | undefined
  /** Case-insensitive substring of order number, product, email, customer name, reference or any tracking number. */
  search?: string | undefined
}

export interface OrderPage {
  sort: OrderSortKey
  descending: boolean
  limit: number
  /** The sort key and id of the last order of the previous page. */
  after?: { key: string, id: number } | undefined
}

/**
 * The sort expressions, written exactly as indexed by migrations 0002 and 0006: an order without a date sorts by its
 * arrival; by total, an order without one by its price times its quantity (what the stats count it as spending), to the
 * cent, else as 0. NULLs never reach the keyset comparison, whose NULL ordering differs between the databases.
 */
function sortExpression (sort: OrderSortKey): RawBuilder<string | number> {
  if (sort === 'order_date') return sql<string>`coalesce(orders.order_date, orders.created_at)`
  if (sort === 'total') return sql<number>`coalesce(orders.total, round(orders.price * coalesce(orders.quantity, 1), 2), 0)`
  return sql<string>`orders.created_at`
}

/** The sort key of an order as a cursor holds it: the value the sort expression gives, as text. */
export function sortKeyOf (order: StoredOrder, sort: OrderSortKey): string {
  if (sort === 'order_date') return order.values.orderDate ?? order.createdAt
  if (sort === 'total') return amountOf(order)
  return order.createdAt
}

function amountOf ({ values }: StoredOrder): string {
  if (values.total !== undefined) return values.total
  if (values.price === undefined) return '0.00'
  return formatCents(toCents(values.price) * BigInt(values.quantity ?? 1))
}

/**
 * One page of orders, by keyset (never OFFSET): as fast at the millionth order as at the first. A search the trigram
 * index can answer reads only its matches, sorted; any other reads orders in the page's order until the page is full.
 */
export async function listOrders (db: Db, filter: OrderFilter, page: OrderPage): Promise<StoredOrder[]> {
  const search = filter.search === undefined || filter.search === '' ? undefined : filter.search
  const matches = search === undefined ? undefined : await findSearchMatches(db, search)
  if (matches?.length === 0) return []
  const statuses = [...new Set(filter.statuses ?? [])]
  if (matches === undefined && page.sort === 'created_at' && statuses.length > 1 && db.features.plansListPages) {
    return await mergeStatusPages(db, filter, statuses, page)
  }
  const plan = matches === undefined ? await chooseOrderListPlan(db, filter, page.sort, page.limit) : undefined
  // SQLite's unary `+` makes a term no index serves: the matches are sorted instead of read in the sort's index order.
  const key = plan?.sortMatches === true ? sql<string | number>`+${sortExpression(page.sort)}` : sortExpression(page.sort)
  const id = plan?.sortMatches === true ? sql<number>`+orders.id` : sql<number>`orders.id`
  const direction = page.descending ? 'desc' : 'asc'
  let query = matches === undefined
    ? applyOrderFilter(db, db.kysely.selectFrom('orders').selectAll('orders'), filter, { unindexed: plan?.unindexed })
    : applyOrderFilter(db, matchedOrders(db, matches).selectAll('orders'), { ...filter, search: undefined })
  const after = page.after
  if (after !== undefined) {
    // SQLite compares a REAL with a TEXT parameter as "number < text": money is bound as a number there and in PostgreSQL alike.
    const value = page.sort === 'total' ? Number(after.key) : after.key
    const beyond = page.descending ? sql.raw('<') : sql.raw('>')
    const within = page.descending ? sql.raw('<=') : sql.raw('>=')
    // `(k, id) < (?, ?)` spelled portably; the first, redundant bound lets both planners range-scan the index.
    query = query.where(sql<boolean>`${key} ${within} ${value} and (${key} ${beyond} ${value} or (${key} = ${value} and ${id} ${beyond} ${after.id}))`)
  }
  const rows = await query.orderBy(key, direction).orderBy(id, direction).limit(page.limit).execute()
  return rows.map(toStoredOrder)
}

/**
 * Several statuses by arrival, on SQLite: each status's page read apart, in its index's order, then merged. One query
 * would either sort every order of those statuses or walk all orders by arrival checking each, which reads far when the
 * statuses are of older orders (delivered, cancelled) and the newest are not.
 */
async function mergeStatusPages (db: Db, filter: OrderFilter, statuses: readonly string[], page: OrderPage): Promise<StoredOrder[]> {
  const pages = await Promise.all(statuses.map(async (status) => await listOrders(db, { ...filter, statuses: [status] }, page)))
  const sign = page.descending ? -1 : 1
  const byArrival = (a: StoredOrder, b: StoredOrder): number => sign * (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id)
  return pages.flat().sort(byArrival).slice(0, page.limit)
}

/**
 * The matched orders, fetched by id first (a materialized CTE, named `orders` in the query): without it SQLite, which
 * keeps no statistics, would rather walk the index of another filter (status, store...) and test each row's id.
 */
function matchedOrders (db: Db, ids: readonly number[]): SelectQueryBuilder<Database, 'orders', object> {
  const query = db.kysely.with((cte) => cte('matched_orders').materialized(), (qc) => qc.selectFrom('orders').selectAll().where(orderIdIn(db, ids)))
    .selectFrom('matched_orders as orders')
  // The CTE has every column of `orders`, under the same name.
  return query as unknown as SelectQueryBuilder<Database, 'orders', object>
}

export type FilteredColumn = 'status' | 'source' | 'store' | 'profile' | 'proxy_list' | 'created_at'

/**
 * The filter as conditions on `orders`. Columns in `unindexed` (SQLite only) are written `+column`, which no index
 * serves, so the planner reads the index the list plan chose (`order-list-plan.ts`).
 */
export function applyOrderFilter<O> (db: Db, query: SelectQueryBuilder<Database, 'orders', O>, filter: OrderFilter,
  { unindexed }: { unindexed?: ReadonlySet<FilteredColumn> | undefined } = {}): SelectQueryBuilder<Database, 'orders', O> {
  const column = (name: FilteredColumn): RawBuilder<string> => unindexed?.has(name) === true ? sql<string>`+orders.${sql.ref(name)}` : sql<string>`orders.${sql.ref(name)}`
  let q = query
  if (filter.statuses !== undefined && filter.statuses.length > 0) q = q.where(column('status'), 'in', [...filter.statuses])
  if (filter.source !== undefined) q = q.where(column('source'), '=', filter.source)
  if (filter.store !== undefined) q = q.where(column('store'), '=', filter.store)
  if (filter.profile !== undefined) q = q.where(column('profile'), '=', filter.profile)
  if (filter.proxyList !== undefined) q = q.where(column('proxy_list'), '=', filter.proxyList)
  if (filter.from !== undefined) q = q.where(column('created_at'), '>=', filter.from)
  if (filter.to !== undefined) q = q.where(column('created_at'), '<', filter.to)
  const search = filter.search
  if (search !== undefined && search !== '') q = q.where(orderMatches(toSearchTerm(db.features, search)))
  return q
}

export async function findOrderById (db: Db, id: number): Promise<StoredOrder | undefined> {
  const row = await db.kysely.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst()
  return row === undefined ? undefined : toStoredOrder(row)
}

export async function findOrderByNumber (db: Db, orderNumber: string): Promise<StoredOrder | undefined> {
  const row = await db.kysely.selectFrom('orders').selectAll().where('order_number', '=', orderNumber).executeTakeFirst()
  return row === undefined ? undefined : toStoredOrder(row)
}

/** Orders by id, for the stream: one query for a batch of deliveries. */
export async function findOrdersByIds (db: Db, ids: readonly number[]): Promise<Map<number, StoredOrder>> {
  if (ids.length === 0) return new Map()
  const rows = await db.kysely.selectFrom('orders').selectAll().where('id', 'in', [...new Set(ids)]).execute()
  return new Map(rows.map((row) => [row.id, toStoredOrder(row)]))
}
