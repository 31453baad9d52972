import type { Db } from './database.ts'
import { param, prepareQuery } from './prepared-query.ts'

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

const insertEventQuery = prepareQuery<{
  order_id: number, event_type: string, changes: string, source: string, delivery_id: number | null, created_at: string
}, never>((db) => db.insertInto('order_events').values({
  order_id: param('order_id'),
  event_type: param('event_type'),
  changes: param('changes'),
  source: param('source'),
  delivery_id: param('delivery_id'),
  created_at: param('created_at')
}))

export async function insertEvent (db: Db, event: NewEvent): Promise<void> {
  await insertEventQuery(db, {
    order_id: event.orderId,
    event_type: event.type,
    changes: JSON.stringify(event.changes),
    source: event.source,
    delivery_id: event.deliveryId,
    created_at: event.now
  })
}
