import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely'

// Frozen once landed: a change to the schema is a new migration. Imports nothing from src/.

// The orders search is a case-insensitive substring match, which no b-tree serves: a trigram index finds the orders
// that hold every three-character piece of a term, and the exact match is checked on those alone. The order stats
// sum a range of orders six ways: daily sums per status, store, profile and proxy list answer a range of days.

const SEARCHED_COLUMNS = ['order_number', 'product', 'email', 'customer_name', 'tracking_number', 'reference_number']
const COUNTED_COLUMNS = ['status', 'total', 'commission', 'store', 'profile', 'proxy_list', 'created_at']
const DIMENSIONS = ['status', 'store', 'profile', 'proxy_list']

export async function up (db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await upPostgres(db)
  else await upSqlite(db)
}

/**
 * SQLite: an FTS5 trigram table and daily sums, both folded from the orders in batches, not kept per delivery:
 * measured at a million orders, FTS5 kept by triggers cost about 45 µs of CPU per delivery (each commit writes and
 * merges a segment of its own); folded 1,000 orders at a time, index and sums together cost about 13 µs an order
 * (docs/performance.md). What is not folded yet is read as it is:
 *
 * - `order_fold_state` holds the last order id and tracking number id folded; rows above them are not.
 * - `order_fold_queue` lists folded orders changed since (a searched or counted column, a tracking number stored
 *   under the mark (`tracking` 1), the order deleted), with the values that were folded (`folded` 0: an order inserted
 *   under the mark, never folded). Triggers fill it; a delivery that changes no folded order pays only the triggers'
 *   look at the mark.
 * - `order_search`: an order under its id, a tracking number under minus its id in `order_tracking`. Contentless,
 *   with detail=none and no column sizes: the text is in the tables already, the index only says which rows hold a
 *   trigram. An order's row comes out by naming the values it was folded with, which the queue keeps.
 * - `order_daily_stats`: per UTC day of `created_at`, for each status, store, profile and proxy list, the orders,
 *   spend and commission in cents (none for void statuses) and cancellations, as the stats query sums them.
 */
async function upSqlite (db: Kysely<any>): Promise<void> {
  const searched = sql.raw(SEARCHED_COLUMNS.join(', '))
  // The values folded of an order: the searched and the counted columns.
  const foldedColumns = [...new Set([...SEARCHED_COLUMNS, ...COUNTED_COLUMNS])]
  const folded = sql.raw(foldedColumns.join(', '))
  const oldFolded = sql.raw(foldedColumns.map((c) => `old.${c}`).join(', '))
  const changed = sql.raw(foldedColumns.map((c) => `old.${c} is not new.${c}`).join(' or '))
  const mark = sql`(select last_order_id from order_fold_state)`
  const trackingMark = sql`(select last_tracking_id from order_fold_state)`
  // A tracking number under the mark: its order (if folded) is indexed anew, tracking numbers included.
  const queueTracking = sql`insert into order_fold_queue (order_id, folded, tracking, ${folded})
    select id, 1, 1, ${folded} from orders where id = new.order_id and id <= ${mark}
    on conflict (order_id) do update set tracking = 1;`
  const statements: Array<RawBuilder<unknown>> = [
    sql`create table order_fold_state (last_order_id integer not null, last_tracking_id integer not null)`,
    sql`insert into order_fold_state select (select coalesce(max(id), 0) from orders), (select coalesce(max(id), 0) from order_tracking)`,
    sql`create table order_fold_queue (order_id integer primary key, folded integer not null, tracking integer not null default 0,
      order_number text, product text, email text, customer_name text, tracking_number text, reference_number text,
      status text, total real, commission real, store text, profile text, proxy_list text, created_at text)`,
    sql`create trigger order_fold_insert_order after insert on orders when new.id <= ${mark} begin
      insert or ignore into order_fold_queue (order_id, folded) values (new.id, 0); end`,
    sql`create trigger order_fold_update_order after update of ${folded} on orders when old.id <= ${mark} and (${changed}) begin
      insert or ignore into order_fold_queue (order_id, folded, ${folded}) values (old.id, 1, ${oldFolded}); end`,
    sql`create trigger order_fold_delete_order after delete on orders when old.id <= ${mark} begin
      insert or ignore into order_fold_queue (order_id, folded, ${folded}) values (old.id, 1, ${oldFolded}); end`,
    sql`create trigger order_fold_insert_tracking after insert on order_tracking when new.id <= ${trackingMark} begin
      ${queueTracking} end`,
    sql`create trigger order_fold_update_tracking after update of tracking_number on order_tracking when new.id <= ${trackingMark} begin
      ${queueTracking} end`,

    sql`create virtual table order_search using fts5(${searched}, tokenize = 'trigram', detail = none, content = '', columnsize = 0)`,
    sql`insert into order_search (rowid, ${searched}) select id, ${searched} from orders`,
    sql`insert into order_search (rowid, tracking_number) select -id, tracking_number from order_tracking`,

    // The key of a NULL store (profile, proxy list) is NULL: rows are found with `key is ?`, so no unique constraint.
    sql`create table order_daily_stats (dimension text not null, day text not null, key text, orders integer not null,
      spend_cents integer not null, commission_cents integer not null, cancellations integer not null)`,
    sql`create index order_daily_stats_idx on order_daily_stats (dimension, day, key)`,
    ...DIMENSIONS.map((dimension) => sql`insert into order_daily_stats
      select ${dimension}, substr(created_at, 1, 10), ${sql.ref(dimension)}, count(*),
        sum(case when status in ('cancelled', 'refunded', 'failed') then 0 else coalesce(cast(round(total * 100) as integer), 0) end),
        sum(case when status in ('cancelled', 'refunded', 'failed') then 0 else coalesce(cast(round(commission * 100) as integer), 0) end),
        sum(status = 'cancelled')
      from orders group by 2, 3`)
  ]
  // SQLite migrations run outside a transaction: tables filled but without their triggers would go stale.
  await sql`begin`.execute(db)
  try {
    for (const statement of statements) await statement.execute(db)
    await sql`commit`.execute(db)
  } catch (error) {
    await sql`rollback`.execute(db)
    throw error
  }
}

/**
 * PostgreSQL: pg_trgm GIN indexes, one over all the searched text of an order, one over tracking numbers. (No daily
 * sums: counters that every delivery updates would make instances wait for each other's commits.) Without pg_trgm
 * (not installed, and this user may not install it) search stays right, only slower; the indexes can be added later
 * with the same statements once a superuser has run `create extension pg_trgm`.
 */
async function upPostgres (db: Kysely<any>): Promise<void> {
  const schema = await trigramSchema(db)
  if (schema === undefined) return
  const ops = sql`${sql.id(schema)}.gin_trgm_ops`
  // Written exactly as the orders search writes it: the planner matches an index by its expression. A match across
  // two columns (the newline between them) is only a candidate, which the exact match on each column turns down.
  const text = sql.raw(`lower(${SEARCHED_COLUMNS.map((c) => `coalesce(${c}, '')`).join(" || E'\\n' || ")})`)
  await sql`create index orders_search_trgm_idx on orders using gin ((${text}) ${ops})`.execute(db)
  await sql`create index order_tracking_search_trgm_idx on order_tracking using gin ((lower(tracking_number)) ${ops})`.execute(db)
}

// insufficient_privilege; invalid_schema_name (no public); undefined_file: the server has no pg_trgm to install.
const CANNOT_INSTALL = new Set(['42501', '3F000', '58P01'])

/** The schema pg_trgm lives in, after installing it (trusted since PostgreSQL 13: the database owner may) if it can. */
async function trigramSchema (db: Kysely<any>): Promise<string | undefined> {
  const find = async (): Promise<string | undefined> => (await sql<{ schema: string }>`select n.nspname as schema
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)).rows[0]?.schema
  const found = await find()
  if (found !== undefined) return found
  // Into public first, not ROMS's own schema: dropping that schema (each test file has one) would take the extension,
  // and every index built on it, from the other schemas of the database. Since PostgreSQL 15 only public's owner may.
  for (const install of [sql`create extension pg_trgm with schema public`, sql`create extension pg_trgm`]) {
    await sql`savepoint install_pg_trgm`.execute(db)
    try {
      await install.execute(db)
      await sql`release savepoint install_pg_trgm`.execute(db)
      return await find()
    } catch (error) {
      await sql`rollback to savepoint install_pg_trgm`.execute(db)
      if (!CANNOT_INSTALL.has((error as { code?: string }).code ?? '')) throw error
    }
  }
  return undefined
}

export async function down (db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop index if exists orders_search_trgm_idx`.execute(db)
    await sql`drop index if exists order_tracking_search_trgm_idx`.execute(db)
    return
  }
  for (const trigger of ['insert_order', 'update_order', 'delete_order', 'insert_tracking', 'update_tracking']) {
    await sql`drop trigger if exists ${sql.id(`order_fold_${trigger}`)}`.execute(db)
  }
  for (const table of ['order_search', 'order_daily_stats', 'order_fold_queue', 'order_fold_state']) {
    await sql`drop table if exists ${sql.id(table)}`.execute(db)
  }
}
