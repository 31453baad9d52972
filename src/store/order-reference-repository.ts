import type { Db } from './database.ts'

/** The order numbers that carry a reference number (a card statement's), oldest first. */
export async function findOrderNumbersByReference (db: Db, reference: string): Promise<string[]> {
  const rows = await db.kysely.selectFrom('orders').select('order_number')
    .where('reference_number', '=', reference).orderBy('id').limit(2).execute()
  return rows.map((row) => row.order_number)
}
