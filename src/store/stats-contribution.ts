import { type RawBuilder, sql } from 'kysely'

/** Statuses whose money was never spent (or came back): left out of spend and commission. */
export const VOID_STATUSES = ['cancelled', 'refunded', 'failed'] as const

/** The columns the order stats group by, each summed per day on SQLite (`order_daily_stats`). */
export const STATS_DIMENSIONS = ['status', 'store', 'profile', 'proxy_list'] as const
export type StatsDimension = typeof STATS_DIMENSIONS[number]

// Money is summed as whole cents: NUMERIC in PostgreSQL and REAL in SQLite both round to an exact integer per row,
// so a million orders of 0.10 add up to exactly 100000.00 on either database.
const isVoid = (row: string): RawBuilder<boolean> => sql<boolean>`${sql.ref(`${row}.status`)} in (${sql.join(VOID_STATUSES.map((s) => sql.lit(s)))})`

/**
 * An order's spend in cents: its total, or its price times its quantity (1 when not sent) when it has no total, as
 * bots and the guide's standard example send it; none when void or with neither. The price is rounded to cents before
 * it is multiplied, so the sum is exact.
 */
export function spendCentsOf (row: string): RawBuilder<number | null> {
  const ref = (column: string): RawBuilder<unknown> => sql.ref(`${row}.${column}`)
  return sql<number | null>`case when ${isVoid(row)} then 0 else coalesce(cast(round(${ref('total')} * 100) as bigint),
    cast(round(${ref('price')} * 100) as bigint) * coalesce(${ref('quantity')}, 1)) end`
}

export function commissionCentsOf (row: string): RawBuilder<number | null> {
  return sql<number | null>`case when ${isVoid(row)} then 0 else cast(round(${sql.ref(`${row}.commission`)} * 100) as bigint) end`
}

export function cancellationOf (row: string): RawBuilder<number> {
  return sql<number>`case when ${sql.ref(`${row}.status`)} = 'cancelled' then 1 else 0 end`
}

/**
 * What the rows of `source` (orders, or folded values in `order_fold_queue`: the same column names) add to the daily
 * sums, times `sign`, in the shape of `order_daily_stats`: one row per order and dimension.
 */
export function contributionsOf (source: RawBuilder<unknown>, where: RawBuilder<boolean>, sign: 1 | -1,
  dimensions: readonly StatsDimension[] = STATS_DIMENSIONS): RawBuilder<unknown> {
  const times = sql.lit(sign)
  return sql.join(dimensions.map((dimension) => sql`select ${sql.lit(dimension)} as dimension, substr(r.created_at, 1, 10) as day,
    ${sql.ref(`r.${dimension}`)} as key, ${times} as orders, ${times} * coalesce(${spendCentsOf('r')}, 0) as spend_cents,
    ${times} * coalesce(${commissionCentsOf('r')}, 0) as commission_cents, ${times} * ${cancellationOf('r')} as cancellations
    from ${source} as r where ${where}`), sql` union all `)
}
