import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../database.ts'
import type { Store } from '../open-store.ts'
import { cancellationOf, commissionCentsOf, spendCentsOf, STATS_DIMENSIONS } from '../stats-contribution.ts'

// The search index and the daily sums of SQLite are folded from the orders in batches behind the writer (why, and the
// tables, in migration 0004). Reads combine the folded part with what is not folded yet, so they are exact whatever
// the fold is at; folding only keeps that remainder small.

const SEARCHED = sql.raw('order_number, product, email, customer_name, tracking_number, reference_number')

/** Orders folded per writer job: about 10 ms of work (measured), which holds the write lock and this thread that long. */
export const FOLD_BATCH = 1000
/** How often the fold looks for orders to fold; it runs again at once while a batch came back full. */
const FOLD_INTERVAL_MS = 250

interface FoldState { last_order_id: number, last_tracking_id: number }

/**
 * Folds up to `limit` changed orders, new orders and new tracking numbers. Run it as a writer job (one transaction).
 * Answers whether more is left to fold.
 */
export async function foldOrderChanges (db: Db, limit: number = FOLD_BATCH): Promise<boolean> {
  const k = db.kysely
  const { rows: [state] } = await sql<FoldState>`select last_order_id, last_tracking_id from order_fold_state`.execute(k)
  if (state === undefined) throw new Error('order_fold_state is empty: the database was not migrated by this ROMS')
  const { rows: queue } = await sql<{ order_id: number, tracking: number }>`select order_id, tracking from order_fold_queue
    order by order_id limit ${limit}`.execute(k)
  const orders = await nextIds(db, sql`orders`, state.last_order_id, limit)
  const tracking = await nextIds(db, sql`order_tracking`, state.last_tracking_id, limit)
  const queued = sql`(select value from json_each(${JSON.stringify(queue.map((row) => row.order_id))}))`
  // An order queued for a tracking number stored or changed under the mark has its tracking numbers indexed again
  // (an old number left beside a new one only makes a candidate that the exact match turns down).
  const retracked = JSON.stringify(queue.filter((row) => row.tracking === 1).map((row) => row.order_id))

  // One statement per kind of row, with row ids ascending, an order's old values taken out before its new ones go in:
  // FTS5 writes out a segment of its own (and merges) each time a row id goes down within a transaction, which
  // measured as half the fold's time. Tracking numbers (minus their ids) first.
  await sql`insert into order_search (rowid, tracking_number) select -id, tracking_number from order_tracking
    where (order_id in (select value from json_each(${retracked})) and id <= ${state.last_tracking_id})
      or (id > ${state.last_tracking_id} and id <= ${tracking.last})
    order by id desc`.execute(k)
  await sql`insert into order_search (order_search, rowid, ${SEARCHED}) select command, rowid, ${SEARCHED} from (
      select 'delete' as command, order_id as rowid, 0 as step, ${SEARCHED} from order_fold_queue where order_id in ${queued} and folded = 1
      union all
      select null, id, 1, ${SEARCHED} from orders where id in ${queued} or (id > ${state.last_order_id} and id <= ${orders.last})
    ) order by rowid, step`.execute(k)
  await addToDailyStats(db, [
    { source: sql`order_fold_queue`, where: sql`r.order_id in ${queued} and r.folded = 1`, sign: -1 },
    { source: sql`orders`, where: sql`r.id in ${queued} or (r.id > ${state.last_order_id} and r.id <= ${orders.last})`, sign: 1 }
  ])
  await sql`delete from order_fold_queue where order_id in ${queued}`.execute(k)
  await sql`update order_fold_state set last_order_id = ${orders.last}, last_tracking_id = ${tracking.last}`.execute(k)
  return queue.length === limit || orders.more || tracking.more
}

/**
 * The last id of the next batch above `after` (at most `limit` ids on), and whether rows are left beyond it. Ids count
 * up without reuse (AUTOINCREMENT), so the bound is found from the highest id alone instead of reading the rows.
 */
async function nextIds (db: Db, table: RawBuilder<unknown>, after: number, limit: number): Promise<{ last: number, more: boolean }> {
  const { rows: [row] } = await sql<{ top: number | null }>`select max(id) as top from ${table}`.execute(db.kysely)
  const top = row?.top ?? after
  const last = Math.max(after, Math.min(top, after + limit))
  return { last, more: last < top }
}

interface Counted {
  /** `orders`, or the folded values in `order_fold_queue` (the same column names), as `r`. */
  source: RawBuilder<unknown>
  where: RawBuilder<unknown>
  sign: 1 | -1
}

/**
 * Adds what the rows add to the daily sums (times their sign), creating the days and keys not there yet. The rows are
 * read once, summed per day and combination of the four keys, then per day and key of each dimension (temporary
 * tables, kept by the connection).
 */
async function addToDailyStats (db: Db, rows: Counted[]): Promise<void> {
  const k = db.kysely
  await sql`create temp table if not exists order_fold_sums (day text, status text, store text, profile text, proxy_list text,
    orders integer, spend_cents integer, commission_cents integer, cancellations integer)`.execute(k)
  await sql`create temp table if not exists order_fold_delta (dimension text, day text, key text,
    orders integer, spend_cents integer, commission_cents integer, cancellations integer)`.execute(k)
  for (const { source, where, sign } of rows) {
    await sql`insert into temp.order_fold_sums select substr(r.created_at, 1, 10), r.status, r.store, r.profile, r.proxy_list,
      ${sign} * count(*), ${sign} * sum(coalesce(${spendCentsOf('r')}, 0)), ${sign} * sum(coalesce(${commissionCentsOf('r')}, 0)),
      ${sign} * sum(${cancellationOf('r')}) from ${source} as r where ${where} group by 1, 2, 3, 4, 5`.execute(k)
  }
  for (const dimension of STATS_DIMENSIONS) {
    await sql`insert into temp.order_fold_delta select ${sql.lit(dimension)}, day, ${sql.ref(dimension)}, sum(orders), sum(spend_cents),
      sum(commission_cents), sum(cancellations) from temp.order_fold_sums group by day, ${sql.ref(dimension)}`.execute(k)
  }
  const same = sql`s.dimension = delta.dimension and s.day = delta.day and s.key is delta.key`
  await sql`update order_daily_stats as s set orders = s.orders + delta.orders, spend_cents = s.spend_cents + delta.spend_cents,
    commission_cents = s.commission_cents + delta.commission_cents, cancellations = s.cancellations + delta.cancellations
    from temp.order_fold_delta as delta where ${same}`.execute(k)
  await sql`insert into order_daily_stats (dimension, day, key, orders, spend_cents, commission_cents, cancellations)
    select dimension, day, key, orders, spend_cents, commission_cents, cancellations from temp.order_fold_delta as delta
    where not exists (select 1 from order_daily_stats as s where ${same})`.execute(k)
  await sql`delete from temp.order_fold_sums`.execute(k)
  await sql`delete from temp.order_fold_delta`.execute(k)
}

/** Whether anything waits to be folded: one look on the read connection, so an idle store never takes the write lock. */
async function hasUnfolded (db: Db): Promise<boolean> {
  const { rows: [row] } = await sql<{ waiting: number }>`select exists (select 1 from order_fold_queue)
    or exists (select 1 from orders where id > (select last_order_id from order_fold_state))
    or exists (select 1 from order_tracking where id > (select last_tracking_id from order_fold_state)) as waiting`.execute(db.kysely)
  return row?.waiting === 1
}

/** Runs one batch of foldOrderChanges as a write job; answers whether more is left. */
export type FoldRunner = () => Promise<boolean>

/**
 * The store, folding in the background once it is migrated (every FOLD_INTERVAL_MS while there is something to fold)
 * until it closes. A failed fold is reported and tried again at the next interval; reads stay exact meanwhile.
 * `runFold` runs the batches elsewhere (the server gives the delivery writer thread's); by default the store's writer.
 */
export function withOrderFolding (store: Store, onError: (error: Error) => void = (error) => { process.emitWarning(error) }, runFold?: FoldRunner): Store {
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | undefined
  let stopped = false
  const schedule = (delay: number): void => {
    if (stopped) return
    timer = setTimeout(() => {
      running = fold().then(schedule, (error: unknown) => {
        onError(new Error('folding orders into the search index and daily stats failed', { cause: error }))
        schedule(FOLD_INTERVAL_MS)
      })
    }, delay)
    timer.unref()
  }
  const fold = async (): Promise<number> => {
    if (!(await hasUnfolded(store.db))) return FOLD_INTERVAL_MS
    const more = runFold === undefined ? await store.writer.write(async (db) => await foldOrderChanges(db)) : await runFold()
    return more ? 0 : FOLD_INTERVAL_MS
  }
  return {
    ...store,
    migrate: async () => {
      const report = await store.migrate()
      if (timer === undefined && !stopped) schedule(0)
      return report
    },
    close: async () => {
      stopped = true
      clearTimeout(timer)
      await running
      await store.close()
    }
  }
}
