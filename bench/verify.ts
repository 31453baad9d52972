import { sql } from 'kysely'
import type { Store } from '../src/store/open-store.ts'

export interface Verification {
  acknowledged: number
  missingOrders: number
  missingEvents: number
  missingDeliveries: number
}

/** Every order whose delivery got a 2xx must be stored with its creation event and a delivery record. */
export async function verifyAcknowledged (store: Store, acknowledged: Set<string>): Promise<Verification> {
  const rows = await sql<{ order_number: string, events: number | string, deliveries: number | string }>`
    select o.order_number,
      (select count(*) from order_events e where e.order_id = o.id) as events,
      (select count(*) from webhook_logs l where l.order_id = o.id and l.status_code < 300) as deliveries
    from orders o`.execute(store.db.kysely)
  const stored = new Map(rows.rows.map((r) => [r.order_number, r]))
  let missingOrders = 0
  let missingEvents = 0
  let missingDeliveries = 0
  for (const orderNumber of acknowledged) {
    const row = stored.get(orderNumber)
    if (row === undefined) missingOrders++
    else {
      if (Number(row.events) < 1) missingEvents++
      if (Number(row.deliveries) < 1) missingDeliveries++
    }
  }
  return { acknowledged: acknowledged.size, missingOrders, missingEvents, missingDeliveries }
}
