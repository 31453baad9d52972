import type { Db } from '../store/database.ts'
import { findDeliveryLogsByIds } from '../store/delivery-log-query-repository.ts'
import { findOrdersByIds } from '../store/order-query-repository.ts'
import { toOrderJson } from './order-json.ts'
import { toSummary } from './webhook-log-routes.ts'

export interface RenderedDelivery {
  id: number
  /** One or two Server-Sent Events, ready to write. */
  text: string
}

const ORDER_EVENTS: Record<string, string> = { created: 'order.created', updated: 'order.updated' }

/**
 * The events of a batch of deliveries, oldest first, read from the database (the feed carries ids only). An order
 * event comes before its delivery event and carries no `id:` line, so a client cut off between the two resumes
 * before the pair and sees it whole (at least once). The order is shown as it is now, not as that delivery left it.
 */
export async function renderDeliveries (db: Db, ids: readonly number[]): Promise<RenderedDelivery[]> {
  const logs = await findDeliveryLogsByIds(db, ids)
  const orders = await findOrdersByIds(db, logs.flatMap((log) => log.orderId === null ? [] : [log.orderId]))
  return logs.map((log) => {
    let text = ''
    const orderEvent = ORDER_EVENTS[log.outcome]
    const order = log.orderId === null ? undefined : orders.get(log.orderId)
    if (orderEvent !== undefined && order !== undefined) {
      text += formatEvent(orderEvent, { delivery_id: log.id, action: log.outcome, order: toOrderJson(order) })
    }
    text += formatEvent('delivery', toSummary(log), log.id)
    return { id: log.id, text }
  })
}

/** `data:` is one line: JSON.stringify never emits a raw newline, which would end the field. */
export function formatEvent (event: string, data: unknown, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
}

/**
 * The events of orders changed without a delivery (a retailer's email), read from the database as they are now. They
 * carry no `id:` (they are not resumed; only deliveries are) and `delivery_id: null`; an order its first email made is
 * `order.created`.
 */
export async function renderOrderChanges (db: Db, orderIds: readonly number[]): Promise<string[]> {
  const orders = await findOrdersByIds(db, orderIds)
  return [...orders.values()].map((order) => {
    const action = order.createdAt === order.updatedAt ? 'created' : 'updated'
    return formatEvent(`order.${action}`, { delivery_id: null, action, order: toOrderJson(order) })
  })
}
