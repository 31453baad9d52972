import type { OrderDetail } from '../types.ts'

/** The detail answer with `extra` always an object, so the fields list never has to check. */
export function readOrderDetail (answer: OrderDetail): OrderDetail {
  const extra = answer.order.extra
  return { ...answer, order: { ...answer.order, extra: typeof extra === 'object' && extra !== null ? extra : {} } }
}
