import { sql } from 'kysely'
import type { Db } from './database.ts'
import { applyOrderFilter, type FilteredColumn, type OrderFilter, type OrderSortKey } from './order-query-repository.ts'

/**
 * How a page of filtered orders is read: which filters may use their index (the others are checked on each order
 * read), and whether the matches are sorted for the page instead of read in the page's order.
 * - Walk: down the sort order's index (or, by arrival, one filter's index, which ends in created_at), checking the
 *   filters, until the page is full. Right when many orders match: a page is found within a few thousand.
 * - Sort: every match through the rarest filter's index, then sorted. Right when few orders match.
 */
export interface OrderListPlan {
  /** Filters written so no index serves them (SQLite's unary `+`). */
  unindexed: ReadonlySet<FilteredColumn>
  sortMatches: boolean
}

const AS_THE_PLANNER_CHOOSES: OrderListPlan = { unindexed: new Set(), sortMatches: false }

/**
 * Matches counted at most, per order of the page: above it a page is found within about a hundred orders read per
 * order shown (matches spread over the sort order); at or below it, sorting them all costs about as much as that walk.
 * At a million orders and pages of 50, 5,000: both under 15 ms.
 */
const WALK_ABOVE_MATCHES_PER_ROW = 100

/**
 * How far, in thresholds, one filter's matches are counted to find the rarest of several common ones: 20,000 index
 * entries for pages of 50, about 2 ms (100,000 cost 10 ms a page, measured at a million orders).
 */
const COUNTED_PER_FILTER = 4

/**
 * SQLite's planner keeps no statistics and does not weigh LIMIT: it cannot tell a filter that matches a third of the
 * orders from one that matches ten. At a million orders it sorted every shipped order (166,000) for a page by order
 * date, walked all million by total for a date range that held none, and read a common filter's whole index for a pair
 * of filters that no order matched together. So the choice is made here, from counts of the matches that stop at the
 * threshold (a short index range each). PostgreSQL keeps statistics and weighs LIMIT, and is left to choose.
 */
export async function chooseOrderListPlan (db: Db, filter: OrderFilter, sort: OrderSortKey, limit: number): Promise<OrderListPlan> {
  if (!db.features.plansListPages) return AS_THE_PLANNER_CHOOSES
  const conditions = conditionsOf(filter)
  const equalities = conditions.filter((c) => c !== 'created_at')
  // By arrival, one filter's index (each ends in created_at, id) or the date range's reads a page in order. (Several
  // statuses by arrival are read a status at a time: listOrders.)
  if (conditions.length === 0 || (sort === 'created_at' && equalities.length <= 1)) return AS_THE_PLANNER_CHOOSES

  const enough = WALK_ABOVE_MATCHES_PER_ROW * limit
  const firstCounts = await countEach(db, filter, conditions, enough + 1)
  if (firstCounts[0]!.matches <= enough) return { unindexed: without(conditions, firstCounts[0]!.column), sortMatches: true }
  if (conditions.length === 1) return { unindexed: new Set(conditions), sortMatches: false }
  // By arrival, several common filters: the planner walks one's index in created_at order, checking the others, and
  // finds a page as soon as they match together often.
  if (sort === 'created_at') return AS_THE_PLANNER_CHOOSES
  // Several filters, each common: count further to find the rarest (from each one's own index, reading no order).
  const rarest = (await countEach(db, filter, conditions, COUNTED_PER_FILTER * enough))[0]!
  const others = without(conditions, rarest.column)
  // Together they may match few: count them through the rarest's index.
  const together = await countMatchesUpTo(db, filter, new Set(conditions), enough + 1, others)
  if (together <= enough) return { unindexed: others, sortMatches: true }
  return { unindexed: new Set(conditions), sortMatches: false }
}

/** Each condition's matches alone, counted up to `most`, rarest first. */
async function countEach (db: Db, filter: OrderFilter, conditions: readonly FilteredColumn[], most: number): Promise<Array<{ column: FilteredColumn, matches: number }>> {
  const counted = []
  for (const column of conditions) counted.push({ column, matches: await countMatchesUpTo(db, filter, new Set([column]), most) })
  return counted.sort((a, b) => a.matches - b.matches)
}

function without (conditions: readonly FilteredColumn[], column: FilteredColumn): Set<FilteredColumn> {
  return new Set(conditions.filter((c) => c !== column))
}

function conditionsOf (filter: OrderFilter): FilteredColumn[] {
  const conditions: FilteredColumn[] = []
  if ((filter.statuses?.length ?? 0) > 0) conditions.push('status')
  if (filter.source !== undefined) conditions.push('source')
  if (filter.store !== undefined) conditions.push('store')
  if (filter.profile !== undefined) conditions.push('profile')
  if (filter.proxyList !== undefined) conditions.push('proxy_list')
  if (filter.from !== undefined || filter.to !== undefined) conditions.push('created_at')
  return conditions
}

/** How many orders match the filter's `columns`, counting no further than `most`. */
async function countMatchesUpTo (db: Db, filter: OrderFilter, columns: ReadonlySet<FilteredColumn>, most: number,
  unindexed: ReadonlySet<FilteredColumn> = new Set()): Promise<number> {
  const only: OrderFilter = {
    statuses: columns.has('status') ? filter.statuses : undefined,
    source: columns.has('source') ? filter.source : undefined,
    store: columns.has('store') ? filter.store : undefined,
    profile: columns.has('profile') ? filter.profile : undefined,
    proxyList: columns.has('proxy_list') ? filter.proxyList : undefined,
    from: columns.has('created_at') ? filter.from : undefined,
    to: columns.has('created_at') ? filter.to : undefined
  }
  const matching = applyOrderFilter(db, db.kysely.selectFrom('orders').select(sql<number>`1`.as('one')), only, { unindexed }).limit(most)
  const row = await db.kysely.selectFrom(matching.as('matching')).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
