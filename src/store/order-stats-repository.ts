import { type RawBuilder, sql } from 'kysely'
import type { Db, DialectFeatures } from './database.ts'
import { dailyStatsSlice } from './dialects/sqlite-order-stats.ts'
import { contributionsOf, type StatsDimension } from './stats-contribution.ts'

export { VOID_STATUSES } from './stats-contribution.ts'

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

/**
 * What one dimension of the stats is summed from: rows of (dimension, day, key, orders, spend_cents,
 * commission_cents, cancellations), one per order or per day and key.
 */
type Slice = (dimension: StatsDimension) => RawBuilder<unknown>

// SQLite reads the daily sums it folds (one writer: counters cost nothing to keep consistent). PostgreSQL reads the
// orders: counters that every delivery updates would make instances wait for each other's commits.
const DAILY_SUMS: Record<DialectFeatures['name'], boolean> = { sqlite: true, postgres: false }

const GROUP_LIMIT = 50

export async function computeOrderStats (db: Db, range: StatsRange): Promise<OrderStats> {
  const slice = (DAILY_SUMS[db.features.name] ? dailyStatsSlice(range) : undefined) ?? orderSlice(range)
  const from = (dimension: StatsDimension): RawBuilder<unknown> => sql`(${slice(dimension)}) as s`
  const run = async <R>(query: RawBuilder<R>): Promise<R[]> => (await query.execute(db.kysely)).rows
  type Sums = { orders: number | string | null, spend: number | string | null, commission: number | string | null }
  const [totals, byStatus, perDay, byStore, byProfile, byProxyList] = await Promise.all([
    run(sql<Sums>`select sum(orders) as orders, sum(spend_cents) as spend, sum(commission_cents) as commission from ${from('status')}`),
    run(sql<{ status: string, count: number | string }>`select key as status, sum(orders) as count from ${from('status')}
      group by key having sum(orders) > 0 order by count desc`),
    run(sql<{ day: string, orders: number | string, spend: number | string }>`select day, sum(orders) as orders, sum(spend_cents) as spend
      from ${from('status')} group by day having sum(orders) > 0 order by day`),
    groupBy(db, from('store')),
    groupBy(db, from('profile')),
    groupBy(db, from('proxy_list'))
  ])
  return {
    orders: Number(totals[0]?.orders ?? 0),
    byStatus: byStatus.map((row) => ({ status: row.status, count: Number(row.count) })),
    spendCents: toCents(totals[0]?.spend ?? null),
    commissionCents: toCents(totals[0]?.commission ?? null),
    perDay: perDay.map((row) => ({ day: row.day, orders: Number(row.orders), spendCents: toCents(row.spend) })),
    byStore,
    byProfile,
    byProxyList
  }
}

/** The orders of the range, as they are. */
function orderSlice (range: StatsRange): Slice {
  const bounds = [
    ...(range.from === undefined ? [] : [sql`r.created_at >= ${range.from}`]),
    ...(range.to === undefined ? [] : [sql`r.created_at < ${range.to}`])
  ]
  const where = bounds.length === 0 ? sql<boolean>`true` : sql<boolean>`${sql.join(bounds, sql` and `)}`
  return (dimension) => contributionsOf(sql`orders`, where, 1, [dimension])
}

/** The busiest values of one column (most checkouts first). */
async function groupBy (db: Db, from: RawBuilder<unknown>): Promise<GroupStats[]> {
  const { rows } = await sql<{ key: string | null, checkouts: number | string, spend: number | string, cancellations: number | string }>`
    select key, sum(orders) as checkouts, sum(spend_cents) as spend, sum(cancellations) as cancellations from ${from}
    group by key having sum(orders) > 0 order by checkouts desc, key limit ${GROUP_LIMIT}`.execute(db.kysely)
  return rows.map((row) => ({ key: row.key, checkouts: Number(row.checkouts), spendCents: toCents(row.spend), cancellations: Number(row.cancellations) }))
}

/** PostgreSQL answers sums of bigint as NUMERIC text, SQLite as an integer; no rows sum to NULL. */
function toCents (value: string | number | bigint | null): bigint {
  if (value === null) return 0n
  return BigInt(typeof value === 'number' ? Math.round(value) : value)
}
