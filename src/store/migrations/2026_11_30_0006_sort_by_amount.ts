import { type Kysely, sql } from 'kysely'

// Frozen once landed: a change to the schema is a new migration. Imports nothing from src/.

// Sorting by total sorts by what an order cost, as the stats count its spend and the dashboard shows it: its total,
// else its price times its quantity (1 when not sent), rounded to cents so a page's cursor finds the same value again;
// 0 without either. Indexed exactly as the orders list writes it.
export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_total_sort_idx').execute()
  await db.schema.createIndex('orders_amount_sort_idx').on('orders')
    .expression(sql`coalesce(total, round(price * coalesce(quantity, 1), 2), 0), id`).execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_amount_sort_idx').execute()
  await db.schema.createIndex('orders_total_sort_idx').on('orders').expression(sql`coalesce(total, 0), id`).execute()
}
