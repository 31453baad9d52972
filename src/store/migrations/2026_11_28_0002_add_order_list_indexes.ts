import { type Kysely, sql } from 'kysely'

// Frozen once landed: a change to the schema is a new migration. Imports nothing from src/.

// The orders list filters on one column and pages by (sort key, id); each filter gets an index that ends in the
// default sort, so a filtered page is an index range scan, not a scan of the table. The sort keys other than
// created_at are expressions (a missing date or total sorts as the arrival time or 0), indexed as written in queries.
const FILTER_COLUMNS = ['source', 'store', 'profile', 'proxy_list']

export async function up (db: Kysely<any>): Promise<void> {
  for (const column of FILTER_COLUMNS) {
    await db.schema.createIndex(`orders_${column}_idx`).on('orders').columns([column, 'created_at', 'id']).execute()
  }
  await db.schema.createIndex('orders_order_date_sort_idx').on('orders')
    .expression(sql`coalesce(order_date, created_at), id`).execute()
  await db.schema.createIndex('orders_total_sort_idx').on('orders')
    .expression(sql`coalesce(total, 0), id`).execute()
  await db.schema.createIndex('webhook_logs_order_number_idx').on('webhook_logs').columns(['order_number', 'id']).execute()
  await db.schema.createIndex('webhook_logs_replay_of_idx').on('webhook_logs').column('replay_of').execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  const indexes = [
    ...FILTER_COLUMNS.map((column) => `orders_${column}_idx`),
    'orders_order_date_sort_idx', 'orders_total_sort_idx', 'webhook_logs_order_number_idx', 'webhook_logs_replay_of_idx'
  ]
  for (const index of indexes) await db.schema.dropIndex(index).execute()
}
