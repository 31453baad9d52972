import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen once landed: a change to the schema is a new migration. Imports nothing from src/.

// PostgreSQL's lower() follows the database's LC_CTYPE: under plain C it lowers ASCII letters only, so the orders
// search did not find "Zoë" for `ZOË` there. The search now lowers through search_lower(), which this migration
// defines once per database: lower() itself where it already lowers every letter (a UTF-8 ctype), else lower() under
// ICU's root collation, which does not depend on the database's locale. A one-statement SQL function is inlined by
// the planner, in queries and in index expressions alike, so the trigram indexes of 0004 serve it as they are where
// the body is plain lower(); where it is not, they are rebuilt over the new expression.

const SEARCHED_COLUMNS = ['order_number', 'product', 'email', 'customer_name', 'tracking_number', 'reference_number']

export async function up (db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  const lowersAlready = await lowersEveryLetter(db) || !await hasIcuRoot(db)
  const body = lowersAlready ? 'lower($1)' : 'lower($1 collate "und-x-icu")'
  await sql.raw(`create function search_lower(text) returns text language sql immutable parallel safe
    as $$select ${body}$$`).execute(db)
  if (!lowersAlready && await hasTrigramIndexes(db)) await indexSearchText(db, 'search_lower')
}

async function lowersEveryLetter (db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ folds: boolean }>`select lower('ÀÉÎÕÜÆŒΣЖ') = 'àéîõüæœσж' as folds`.execute(db)
  return rows[0]?.folds === true
}

async function hasIcuRoot (db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql`select 1 from pg_collation where collname = 'und-x-icu' and collprovider = 'i'`.execute(db)
  return rows.length > 0
}

async function hasTrigramIndexes (db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql`select 1 from pg_indexes where schemaname = current_schema()
    and indexname in ('orders_search_trgm_idx', 'order_tracking_search_trgm_idx')`.execute(db)
  return rows.length > 0
}

/** The trigram indexes of 0004, over the searched text lowered by `lower`. */
async function indexSearchText (db: Kysely<any>, lower: string): Promise<void> {
  const ops = await trigramOps(db)
  const text = sql.raw(`${lower}(${SEARCHED_COLUMNS.map((c) => `coalesce(${c}, '')`).join(" || E'\\n' || ")})`)
  await sql`drop index if exists orders_search_trgm_idx`.execute(db)
  await sql`drop index if exists order_tracking_search_trgm_idx`.execute(db)
  await sql`create index orders_search_trgm_idx on orders using gin ((${text}) ${ops})`.execute(db)
  await sql`create index order_tracking_search_trgm_idx on order_tracking using gin ((${sql.raw(lower)}(tracking_number)) ${ops})`.execute(db)
}

async function trigramOps (db: Kysely<any>): Promise<ReturnType<typeof sql.raw>> {
  const { rows } = await sql<{ schema: string }>`select n.nspname as schema
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)
  return sql`${sql.id(rows[0]?.schema ?? 'public')}.gin_trgm_ops`
}

export async function down (db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  const rebuilt = await hasTrigramIndexes(db)
  await sql`drop function search_lower(text) cascade`.execute(db)
  if (rebuilt) await indexSearchText(db, 'lower')
}
