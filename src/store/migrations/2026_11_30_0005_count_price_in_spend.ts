import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely'

// Frozen once landed: a change to the schema is a new migration. Imports nothing from src/.

// Spend is an order's total, or its price times its quantity when it has no total (bots and the guide's standard
// example send a price alone). PostgreSQL sums the orders as they are: nothing to change there. SQLite's daily sums are
// folded (migration 0004): the fold queue must keep the price and quantity an order was folded with, its triggers must
// see them change, and the sums are taken again with the new rule.

const SEARCHED_COLUMNS = ['order_number', 'product', 'email', 'customer_name', 'tracking_number', 'reference_number']
const COUNTED_COLUMNS = ['status', 'total', 'commission', 'store', 'profile', 'proxy_list', 'created_at', 'price', 'quantity']
const DIMENSIONS = ['status', 'store', 'profile', 'proxy_list']

export async function up (db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return
  const foldedColumns = [...new Set([...SEARCHED_COLUMNS, ...COUNTED_COLUMNS])]
  const folded = sql.raw(foldedColumns.join(', '))
  const oldFolded = sql.raw(foldedColumns.map((c) => `old.${c}`).join(', '))
  const changed = sql.raw(foldedColumns.map((c) => `old.${c} is not new.${c}`).join(' or '))
  const mark = sql`(select last_order_id from order_fold_state)`
  const trackingMark = sql`(select last_tracking_id from order_fold_state)`
  const queueTracking = sql`insert into order_fold_queue (order_id, folded, tracking, ${folded})
    select id, 1, 1, ${folded} from orders where id = new.order_id and id <= ${mark}
    on conflict (order_id) do update set tracking = 1;`
  // The values each folded order was folded with: those the queue kept for an order changed since, else its row. An
  // order queued before this migration has no price or quantity kept, so its sums are taken without them here, as the
  // fold will take them out.
  const foldedOrders = sql.raw(`(select ${COUNTED_COLUMNS.join(', ')} from orders
      where id <= (select last_order_id from order_fold_state) and id not in (select order_id from order_fold_queue)
    union all
    select ${COUNTED_COLUMNS.join(', ')} from order_fold_queue where folded = 1)`)
  const spend = sql`case when status in ('cancelled', 'refunded', 'failed') then 0 else coalesce(cast(round(total * 100) as integer),
    cast(round(price * 100) as integer) * coalesce(quantity, 1), 0) end`
  const statements: Array<RawBuilder<unknown>> = [
    sql`alter table order_fold_queue add column price real`,
    sql`alter table order_fold_queue add column quantity integer`,
    ...['update_order', 'delete_order', 'insert_tracking', 'update_tracking'].map((name) => sql`drop trigger ${sql.id(`order_fold_${name}`)}`),
    sql`create trigger order_fold_update_order after update of ${folded} on orders when old.id <= ${mark} and (${changed}) begin
      insert or ignore into order_fold_queue (order_id, folded, ${folded}) values (old.id, 1, ${oldFolded}); end`,
    sql`create trigger order_fold_delete_order after delete on orders when old.id <= ${mark} begin
      insert or ignore into order_fold_queue (order_id, folded, ${folded}) values (old.id, 1, ${oldFolded}); end`,
    sql`create trigger order_fold_insert_tracking after insert on order_tracking when new.id <= ${trackingMark} begin
      ${queueTracking} end`,
    sql`create trigger order_fold_update_tracking after update of tracking_number on order_tracking when new.id <= ${trackingMark} begin
      ${queueTracking} end`,
    sql`delete from order_daily_stats`,
    ...DIMENSIONS.map((dimension) => sql`insert into order_daily_stats
      select ${dimension}, substr(created_at, 1, 10), ${sql.ref(dimension)}, count(*), sum(${spend}),
        sum(case when status in ('cancelled', 'refunded', 'failed') then 0 else coalesce(cast(round(commission * 100) as integer), 0) end),
        sum(status = 'cancelled')
      from ${foldedOrders} group by 2, 3`)
  ]
  // SQLite migrations run outside a transaction: triggers and sums change together or not at all.
  await sql`begin`.execute(db)
  try {
    for (const statement of statements) await statement.execute(db)
    await sql`commit`.execute(db)
  } catch (error) {
    await sql`rollback`.execute(db)
    throw error
  }
}
