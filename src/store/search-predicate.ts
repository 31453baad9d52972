import { type RawBuilder, sql } from 'kysely'
import type { DialectFeatures } from './database.ts'
import { UNICODE_LOWER } from './dialects/sqlite-search-functions.ts'

/** The columns of `orders` that the search looks in; tracking numbers of `order_tracking` too. */
export const SEARCHED_COLUMNS = ['order_number', 'product', 'email', 'customer_name', 'tracking_number', 'reference_number'] as const

/** A term as the search compares it: the LIKE pattern for "contains the term", and the function that lowers both sides. */
export interface SearchTerm {
  pattern: string
  lower: RawBuilder<unknown>
}

// SQLite's lower() lowers ASCII letters only, so a term with other letters is lowered by a function of ROMS
// (sqlite-search-functions.ts). PostgreSQL's follows the database's LC_CTYPE (ASCII only under plain C): every term is
// lowered by search_lower() (migration 0008), which lowers every letter whatever the locale, as the trigram indexes do.
const LOWERS: Record<DialectFeatures['name'], { ascii: string, other: string }> = {
  sqlite: { ascii: 'lower', other: UNICODE_LOWER },
  postgres: { ascii: 'search_lower', other: 'search_lower' }
}

export function toSearchTerm (features: DialectFeatures, term: string): SearchTerm {
  const lowers = LOWERS[features.name]
  return { pattern: containsPattern(term), lower: sql.raw(/^\p{ASCII}*$/u.test(term) ? lowers.ascii : lowers.other) }
}

/** The LIKE pattern for "contains the term", its % _ and \ taken literally. */
export function containsPattern (term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** `lower(x) like lower(?)` with an explicit escape character: the same answer in SQLite and PostgreSQL. */
export function likePattern (column: RawBuilder<unknown>, term: SearchTerm): RawBuilder<boolean> {
  return sql<boolean>`${term.lower}(${column}) like ${term.lower}(${term.pattern}) escape '\\'`
}

/** One of the order's own searched columns contains the term. */
export function orderColumnsMatch (term: SearchTerm): RawBuilder<boolean> {
  return sql<boolean>`(${sql.join(SEARCHED_COLUMNS.map((c) => likePattern(sql.ref(`orders.${c}`), term)), sql` or `)})`
}

/** The tracking number of an `order_tracking` row contains the term. */
export function trackingMatches (term: SearchTerm): RawBuilder<boolean> {
  return likePattern(sql.ref('order_tracking.tracking_number'), term)
}

/** The search itself: one of the order's columns or one of its tracking numbers contains the term. */
export function orderMatches (term: SearchTerm): RawBuilder<boolean> {
  return sql<boolean>`(${orderColumnsMatch(term)} or exists (select 1 from order_tracking
    where order_tracking.order_id = orders.id and ${trackingMatches(term)}))`
}
