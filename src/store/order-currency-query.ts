import { sql } from 'kysely'
import type { Db } from './database.ts'
import { VOID_STATUSES } from './stats-contribution.ts'
import type { StatsRange } from './order-stats-repository.ts'

/** More currencies than this in a range, and the answer stops there: the dashboard only needs to know they are mixed. */
export const MOST_CURRENCIES = 20

/**
 * The currencies of the orders whose spend a range counts (not void), sorted, `null` last when some have none: the
 * stats add amounts as they are, so the dashboard says when they mix currencies. Read through the index of migration
 * 0007 (currency, created_at): the currencies stored are walked one seek each, and each is looked for in the range,
 * so a range of a million orders costs a few dozen seeks rather than a scan.
 */
export async function listSpendCurrencies (db: Db, range: StatsRange): Promise<Array<string | null>> {
  const { rows } = await sql<{ currency: string | null }>`with recursive stored (currency) as (
      select min(currency) from orders
      union all
      select (select min(currency) from orders where currency > stored.currency) from stored where stored.currency is not null
    )
    select currency from stored where currency is not null limit ${MOST_CURRENCIES + 1}`.execute(db.kysely)
  const found: Array<string | null> = []
  for (const currency of [...rows.map((row) => row.currency), null]) {
    if (found.length > MOST_CURRENCIES) break
    if (await isCounted(db, currency, range)) found.push(currency)
  }
  return found
}

async function isCounted (db: Db, currency: string | null, range: StatsRange): Promise<boolean> {
  const row = await db.kysely.selectFrom('orders').select(sql<number>`1`.as('found'))
    .where('currency', currency === null ? 'is' : '=', currency)
    .$if(range.from !== undefined, (q) => q.where('created_at', '>=', range.from ?? ''))
    .$if(range.to !== undefined, (q) => q.where('created_at', '<', range.to ?? ''))
    .where('status', 'not in', [...VOID_STATUSES])
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}
