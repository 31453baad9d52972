import type { Db } from './database.ts'

export interface FieldChange {
  field: string
  old: unknown
  new: unknown
}

export interface NewEvent {
  orderId: number
  type: 'created' | 'updated'
  changes: FieldChange[]
  source: string
  deliveryId: number | null
  now: string
}

export async function insertEvent (db: Db, event: NewEvent): Promise<void> {
  await db.kysely.insertInto('order_events').values({
    order_id: event.orderId,
    event_type: event.type,
    changes: JSON.stringify(event.changes),
    source: event.source,
    delivery_id: event.deliveryId,
    created_at: event.now
  }).execute()
}
