import type { Kysely } from 'kysely'

// Frozen once landed: a change to the schema is a new migration. Imports nothing from src/.

// The order stats add amounts as they are stored, whatever their currency; the dashboard says when a range mixes
// currencies. This index finds the currencies of a range in a few seeks (each currency stored, then whether the range
// holds one), where a scan would read every order of the range.
export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('orders_currency_created_at_idx').on('orders').columns(['currency', 'created_at']).execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_currency_created_at_idx').execute()
}
