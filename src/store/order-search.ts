import { type RawBuilder, sql } from 'kysely'
import type { Db, DialectFeatures } from './database.ts'
import { findOrdersWithTrigrams } from './dialects/postgres-order-search.ts'
import { findOrdersWithFts } from './dialects/sqlite-order-search.ts'
import { type SearchTerm, toSearchTerm } from './search-predicate.ts'

/**
 * Above this many matches a page of them is found faster by reading orders in the page's order and checking each:
 * at least one order in 200 of a million matches, so a page of 50 is about 10,000 rows away (measured in
 * docs/performance.md), while fetching and sorting every match costs more the more there are.
 */
export const MOST_INDEXED_MATCHES = 5000

const FINDERS: Record<DialectFeatures['name'], (db: Db, term: string, search: SearchTerm, limit: number) => Promise<number[] | undefined>> = {
  sqlite: findOrdersWithFts,
  postgres: async (db, _term, search, limit) => await findOrdersWithTrigrams(db, search, limit)
}

/** A term the trigram index cannot serve (shorter than a trigram): a search for it reads orders until its page is full, every order when it is rare. */
export function isTooShortForIndex (term: string | undefined): boolean {
  return term !== undefined && term !== '' && [...term].length < 3
}

/**
 * The ids of every order whose searched text contains the term (see `search-predicate.ts`), found through the
 * trigram index; undefined when the index cannot help: a term shorter than a trigram, or one matched by more than
 * MOST_INDEXED_MATCHES orders.
 */
export async function findSearchMatches (db: Db, term: string): Promise<number[] | undefined> {
  if (isTooShortForIndex(term)) return undefined
  const ids = await FINDERS[db.features.name](db, term, toSearchTerm(db.features, term), MOST_INDEXED_MATCHES)
  return ids === undefined ? undefined : [...new Set(ids)]
}

// Thousands of ids as one parameter: as many placeholders would make each count a statement of its own to prepare.
const ID_LISTS: Record<DialectFeatures['name'], (ids: readonly number[]) => RawBuilder<boolean>> = {
  sqlite: (ids) => sql<boolean>`orders.id in (select value from json_each(${JSON.stringify(ids)}))`,
  postgres: (ids) => sql<boolean>`orders.id = any(${ids}::bigint[])`
}

/** `orders.id` is one of the ids. */
export function orderIdIn (db: Db, ids: readonly number[]): RawBuilder<boolean> {
  return ID_LISTS[db.features.name](ids)
}
