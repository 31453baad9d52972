import type { Db } from './database.ts'
import type { FieldChange } from './event-repository.ts'

export interface OrderEvent {
  id: number
  type: string
  changes: FieldChange[]
  source: string
  deliveryId: number | null
  createdAt: string
}

/** An order's timeline, oldest first. */
export async function listOrderEvents (db: Db, orderId: number, limit = 1000): Promise<OrderEvent[]> {
  const rows = await db.kysely.selectFrom('order_events').selectAll()
    .where('order_id', '=', orderId).orderBy('id', 'asc').limit(limit).execute()
  return rows.map((row) => ({
    id: row.id,
    type: row.event_type,
    changes: JSON.parse(row.changes) as FieldChange[],
    source: row.source,
    deliveryId: row.delivery_id,
    createdAt: row.created_at
  }))
}
