import { type RawBuilder, sql } from 'kysely'
import type { Db } from './database.ts'
import { applyOrderFilter } from './order-query-repository.ts'

/** Statuses whose money was never spent (or came back): left out of spend and commission. */
export const VOID_STATUSES = ['cancelled', 'refunded', 'failed'] as const

export interface StatsRange {
  from?: string | undefined
  to?: string | undefined
}

export interface GroupStats {
  key: string | null
  checkouts: number
  spendCents: bigint
  cancellations: number
}

export interface OrderStats {
  orders: number
  byStatus: Array<{ status: string, count: number }>
  spendCents: bigint
  commissionCents: bigint
  perDay: Array<{ day: string, orders: number, spendCents: bigint }>
  byStore: GroupStats[]
  byProfile: GroupStats[]
  byProxyList: GroupStats[]
}

// Money is summed as whole cents: NUMERIC in PostgreSQL and REAL in SQLite both round to an exact integer per row,
// so a million orders of 0.10 add up to exactly 100000.00 on either database.
const isVoid = sql`orders.status in (${sql.join(VOID_STATUSES.map((s) => sql.lit(s)))})`
const spendCents = sql<string | number | null>`sum(case when ${isVoid} then 0 else cast(round(orders.total * 100) as bigint) end)`
const commissionCents = sql<string | number | null>`sum(case when ${isVoid} then 0 else cast(round(orders.commission * 100) as bigint) end)`
const cancellations = sql<string | number>`sum(case when orders.status = 'cancelled' then 1 else 0 end)`
const day = sql<string>`substr(orders.created_at, 1, 10)`

const GROUP_LIMIT = 50

export async function computeOrderStats (db: Db, range: StatsRange): Promise<OrderStats> {
  const base = (): ReturnType<typeof ranged> => ranged(db, range)
  const [totals, byStatus, perDay, byStore, byProfile, byProxyList] = await Promise.all([
    base().select([sql<string | number>`count(*)`.as('orders'), spendCents.as('spend'), commissionCents.as('commission')]).executeTakeFirst(),
    base().select(['orders.status', sql<string | number>`count(*)`.as('count')]).groupBy('orders.status').orderBy('count', 'desc').execute(),
    base().select([day.as('day'), sql<string | number>`count(*)`.as('orders'), spendCents.as('spend')]).groupBy(day).orderBy(day).execute(),
    groupBy(db, range, sql.ref('orders.store')),
    groupBy(db, range, sql.ref('orders.profile')),
    groupBy(db, range, sql.ref('orders.proxy_list'))
  ])
  return {
    orders: Number(totals?.orders ?? 0),
    byStatus: byStatus.map((row) => ({ status: row.status, count: Number(row.count) })),
    spendCents: toCents(totals?.spend ?? null),
    commissionCents: toCents(totals?.commission ?? null),
    perDay: perDay.map((row) => ({ day: row.day, orders: Number(row.orders), spendCents: toCents(row.spend) })),
    byStore,
    byProfile,
    byProxyList
  }
}

function ranged (db: Db, range: StatsRange) {
  return applyOrderFilter(db.kysely.selectFrom('orders'), { from: range.from, to: range.to })
}

/** The busiest values of one column (most checkouts first). */
async function groupBy (db: Db, range: StatsRange, column: RawBuilder<unknown>): Promise<GroupStats[]> {
  const rows = await ranged(db, range)
    .select([sql<string | null>`${column}`.as('key'), sql<string | number>`count(*)`.as('checkouts'), spendCents.as('spend'), cancellations.as('cancellations')])
    .groupBy(column)
    .orderBy('checkouts', 'desc')
    .orderBy(column)
    .limit(GROUP_LIMIT)
    .execute()
  return rows.map((row) => ({ key: row.key, checkouts: Number(row.checkouts), spendCents: toCents(row.spend), cancellations: Number(row.cancellations) }))
}

/** PostgreSQL answers sums of bigint as NUMERIC text, SQLite as an integer; no rows sum to NULL. */
function toCents (value: string | number | bigint | null): bigint {
  if (value === null) return 0n
  return BigInt(typeof value === 'number' ? Math.round(value) : value)
}
