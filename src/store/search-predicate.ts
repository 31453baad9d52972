import { type RawBuilder, sql } from 'kysely'

/** The columns of `orders` that the search looks in; tracking numbers of `order_tracking` too. */
export const SEARCHED_COLUMNS = ['order_number', 'product', 'email', 'customer_name', 'tracking_number', 'reference_number'] as const

/** The LIKE pattern for "contains the term", its % _ and \ taken literally. */
export function containsPattern (term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** `lower(x) like lower(?)` with an explicit escape character: the same answer in SQLite and PostgreSQL. */
export function likePattern (column: RawBuilder<unknown>, pattern: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${column}) like lower(${pattern}) escape '\\'`
}

/** One of the order's own searched columns contains the term. */
export function orderColumnsMatch (pattern: string): RawBuilder<boolean> {
  return sql<boolean>`(${sql.join(SEARCHED_COLUMNS.map((c) => likePattern(sql.ref(`orders.${c}`), pattern)), sql` or `)})`
}

/** The tracking number of an `order_tracking` row contains the term. */
export function trackingMatches (pattern: string): RawBuilder<boolean> {
  return likePattern(sql.ref('order_tracking.tracking_number'), pattern)
}

/** The search itself: one of the order's columns or one of its tracking numbers contains the term. */
export function orderMatches (pattern: string): RawBuilder<boolean> {
  return sql<boolean>`(${orderColumnsMatch(pattern)} or exists (select 1 from order_tracking
    where order_tracking.order_id = orders.id and ${trackingMatches(pattern)}))`
}
