import { sql } from 'kysely'
import type { Db } from '../database.ts'
import { orderColumnsMatch, SEARCHED_COLUMNS, type SearchTerm, trackingMatches } from '../search-predicate.ts'

// The searched text of an order as migrations 0004 and 0008 index it with pg_trgm: the planner matches an index by its
// expression, once search_lower() is inlined (plain lower() where 0008 kept 0004's indexes). A term found across two
// columns is only a candidate; the exact match per column decides.
export const SEARCH_TEXT = sql.raw(`search_lower(${SEARCHED_COLUMNS.map((c) => `coalesce(orders.${c}, '')`).join(" || E'\\n' || ")})`)

/**
 * The ids of the orders that match the term, or undefined when more than `limit` do. The GIN indexes serve a rare term;
 * for a common one the planner reads the table and stops at the limit. Duplicates possible.
 */
export async function findOrdersWithTrigrams (db: Db, search: SearchTerm, limit: number): Promise<number[] | undefined> {
  const { rows } = await sql<{ id: number }>`select orders.id as id from orders
      where ${SEARCH_TEXT} like search_lower(${search.pattern}) escape '\\' and ${orderColumnsMatch(search)}
    union all
    select order_tracking.order_id as id from order_tracking where ${trackingMatches(search)}
    limit ${limit + 1}`.execute(db.kysely)
  return rows.length > limit ? undefined : rows.map((row) => row.id)
}
