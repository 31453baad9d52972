import { type RawBuilder, sql } from 'kysely'
import { contributionsOf, type StatsDimension } from '../stats-contribution.ts'

// The order stats from the daily sums of migration 0004 (folded by sqlite-order-fold.ts), exact whatever the fold is
// at: a range's whole days come from the sums, corrected by what is not folded yet (orders above the folded mark
// added; for each folded order changed since, its folded values taken out and its values now added); the part of a
// day at either end of the range comes from the orders themselves.

const DAY = /^\d{4}-\d{2}-\d{2}$/
const MIDNIGHT = 'T00:00:00.000Z'
// Bounds of an open range; `created_at` is toISOString() text, whose years have four digits.
const FIRST_DAY = '0000-01-01'
const LAST_DAY = '9999-12-31'

/**
 * The rows one dimension of the stats of `range` is summed from, or undefined when the range holds no whole UTC day
 * (the orders answer that as fast).
 */
export function dailyStatsSlice (range: { from?: string | undefined, to?: string | undefined }): ((dimension: StatsDimension) => RawBuilder<unknown>) | undefined {
  const first = range.from === undefined ? FIRST_DAY : range.from.endsWith(MIDNIGHT) ? range.from.slice(0, 10) : nextDay(range.from.slice(0, 10))
  const end = range.to === undefined ? LAST_DAY : range.to.slice(0, 10)
  if (!DAY.test(first) || !DAY.test(end) || first >= end) return undefined
  const [start, stop] = [`${first}${MIDNIGHT}`, `${end}${MIDNIGHT}`]
  // `+created_at`: without it SQLite would walk the created_at index over the whole range instead of the few rows.
  const within = sql`+r.created_at >= ${start} and +r.created_at < ${stop}`
  const parts = (dimension: StatsDimension): Array<RawBuilder<unknown>> => [
    sql`select dimension, day, key, orders, spend_cents, commission_cents, cancellations from order_daily_stats
      where dimension = ${dimension} and day >= ${first} and day < ${end}`,
    contributionsOf(sql`orders`, sql`r.id > (select last_order_id from order_fold_state) and ${within}`, 1, [dimension]),
    contributionsOf(sql`orders`, sql`r.id in (select order_id from order_fold_queue) and ${within}`, 1, [dimension]),
    contributionsOf(sql`order_fold_queue`, sql`r.folded = 1 and ${within}`, -1, [dimension]),
    ...(range.from === undefined || range.from >= start ? [] : [contributionsOf(sql`orders`, sql`r.created_at >= ${range.from} and r.created_at < ${start}`, 1, [dimension])]),
    ...(range.to === undefined || range.to <= stop ? [] : [contributionsOf(sql`orders`, sql`r.created_at >= ${stop} and r.created_at < ${range.to}`, 1, [dimension])])
  ]
  return (dimension) => sql.join(parts(dimension), sql` union all `)
}

function nextDay (day: string): string {
  const time = Date.parse(`${day}${MIDNIGHT}`)
  return Number.isFinite(time) ? new Date(time + 86_400_000).toISOString().slice(0, 10) : ''
}
