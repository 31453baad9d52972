import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../database.ts'
import { orderColumnsMatch, orderMatches, type SearchTerm, trackingMatches } from '../search-predicate.ts'

// The trigram index of migration 0004: FTS5 table `order_search`, an order under its id, a tracking number under
// minus its id in `order_tracking`. detail=none keeps only which rows hold a trigram, so a term is matched as its
// rarest trigrams (a superset) and every candidate is checked with the exact LIKE before it counts. The index holds
// what is folded (sqlite-order-fold.ts); orders and tracking numbers not folded yet, and folded orders changed since,
// are checked as they are.

/** Rows read to judge how common a trigram is. */
const SAMPLE = 64
/** Trigrams matched together: the rarest few already leave few candidates; each more costs a seek per candidate. */
const TRIGRAMS_MATCHED = 3

/**
 * The row ids of each kind of row in the index. One bound each: with both a lower and an upper bound FTS5 read the
 * whole list of a common trigram (75 ms at a million orders) instead of stopping at the bound.
 */
const SIDES = { orders: sql`rowid > 0`, tracking: sql`rowid < 0` } as const
type Side = keyof typeof SIDES

/**
 * The ids of the orders that match the term (three characters or more), or undefined when more than `limit` do.
 * Orders and tracking numbers are matched apart, each with its own rarest trigrams. Duplicates possible.
 */
export async function findOrdersWithFts (db: Db, term: string, search: SearchTerm, limit: number): Promise<number[] | undefined> {
  const trigrams = trigramsOf(term)
  const [orders, tracking] = await Promise.all([matchQuery(db, trigrams, 'orders'), matchQuery(db, trigrams, 'tracking')])
  const parts: Array<RawBuilder<unknown>> = [
    sql`select orders.id as id from orders where orders.id > (select last_order_id from order_fold_state) and ${orderMatches(search)}`,
    sql`select order_tracking.order_id as id from order_tracking
      where order_tracking.id > (select last_tracking_id from order_fold_state) and ${trackingMatches(search)}`,
    sql`select orders.id as id from order_fold_queue cross join orders on orders.id = order_fold_queue.order_id where ${orderMatches(search)}`
  ]
  if (orders !== undefined) {
    parts.push(sql`select orders.id as id from order_search cross join orders on orders.id = order_search.rowid
      where order_search match ${orders} and order_search.rowid > 0 and ${orderColumnsMatch(search)}`)
  }
  if (tracking !== undefined) {
    parts.push(sql`select order_tracking.order_id as id from order_search cross join order_tracking on order_tracking.id = -order_search.rowid
      where order_search match ${tracking} and order_search.rowid < 0 and ${trackingMatches(search)}`)
  }
  // One statement, so the index and what is not folded into it are read as of the same moment. UNION ALL streams, so
  // LIMIT stops a common term early; UNION would collect every match first.
  const { rows } = await sql<{ id: number }>`${sql.join(parts, sql` union all `)} limit ${limit + 1}`.execute(db.kysely)
  return rows.length > limit ? undefined : rows.map((row) => row.id)
}

/**
 * The FTS5 query for one side: its rarest trigrams, each quoted (a quote doubled) so every character is literal.
 * Undefined when some trigram is in no row of that side, so nothing there can match.
 */
async function matchQuery (db: Db, trigrams: string[], side: Side): Promise<string | undefined> {
  const samples = []
  for (const trigram of trigrams) {
    const sample = await sampleTrigram(db, trigram, side)
    if (sample.rows === 0) return undefined
    samples.push(sample)
  }
  // Rare trigrams (fewer rows than the sample) first, fewest first; then the common ones whose sample is spread over
  // the most row ids, the sparsest.
  samples.sort((a, b) => (a.rows - b.rows) || (b.span - a.span))
  return samples.slice(0, TRIGRAMS_MATCHED).map((s) => `"${s.trigram.replaceAll('"', '""')}"`).join(' ')
}

interface TrigramSample { trigram: string, rows: number, span: number, at: number }

// How common a trigram is changes slowly, and searches share most of theirs: samples of common trigrams are kept a
// while, per connection. Never those of rare ones: that a trigram is in no row decides there is no match.
const SAMPLE_TTL_MS = 60_000
const SAMPLES_KEPT = 10_000
const samplesOf = new WeakMap<object, Map<string, TrigramSample>>()

async function sampleTrigram (db: Db, trigram: string, side: Side): Promise<TrigramSample> {
  const kept = samplesOf.get(db.kysely) ?? new Map<string, TrigramSample>()
  samplesOf.set(db.kysely, kept)
  const key = `${side}:${trigram}`
  const now = Date.now()
  const known = kept.get(key)
  if (known !== undefined && now - known.at < SAMPLE_TTL_MS) return known
  const query = `"${trigram.replaceAll('"', '""')}"`
  const { rows } = await sql<{ rows: number, span: number | null }>`select count(*) as rows, max(rowid) - min(rowid) as span
    from (select rowid from order_search where order_search match ${query} and ${SIDES[side]} limit ${SAMPLE})`
    .execute(db.kysely)
  const sample = { trigram, rows: rows[0]?.rows ?? 0, span: rows[0]?.span ?? 0, at: now }
  if (sample.rows < SAMPLE) return sample
  kept.delete(key)
  if (kept.size >= SAMPLES_KEPT) kept.delete(kept.keys().next().value as string)
  kept.set(key, sample)
  return sample
}

/** The distinct three-character pieces of the term, cut by code point as the trigram tokenizer cuts. */
function trigramsOf (term: string): string[] {
  const chars = [...term]
  const trigrams = new Set<string>()
  for (let i = 0; i + 3 <= chars.length; i++) trigrams.add(chars.slice(i, i + 3).join(''))
  return [...trigrams]
}
