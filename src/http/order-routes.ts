import type { FastifyInstance } from 'fastify'
import { DomainError } from '../domain-error.ts'
import { listDeliveryLogs } from '../store/delivery-log-repository.ts'
import type { Db } from '../store/database.ts'
import { listOrderEvents } from '../store/order-event-query-repository.ts'
import { findOrderById, findOrderByNumber, listOrders, sortKeyOf } from '../store/order-query-repository.ts'
import { findItems, findTrackings, type StoredOrder } from '../store/order-repository.ts'
import type { Store } from '../store/open-store.ts'
import { isTooShortForIndex } from '../store/order-search.ts'
import { toEventJson, toItemJson, toOrderJson, toTrackingJson } from './order-json.ts'
import { encodeCursor, type OrderListQuery, orderListQuerystring, toOrderFilter, toOrderPage } from './order-query.ts'
import { registerOrderSchemas } from './order-schemas.ts'
import { toSummary } from './webhook-log-routes.ts'
import { ID_PARAMS } from './id-params.ts'

const DELIVERIES_SHOWN = 100

const errors = { '4xx': { $ref: 'Error#' } }

export function registerOrderRoutes (app: FastifyInstance, store: Store): void {
  registerOrderSchemas(app)

  app.get('/api/v2/orders', {
    schema: {
      summary: 'Orders, newest first by default, with filters, search and cursor pagination',
      tags: ['orders'],
      querystring: orderListQuerystring,
      response: {
        200: {
          type: 'object',
          properties: {
            success: { type: 'boolean' },
            orders: { type: 'array', items: { $ref: 'Order#' } },
            next_cursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last page' }
          }
        },
        ...errors
      }
    }
  }, async (request) => {
    const query = request.query as OrderListQuery
    // One more than asked tells whether a next page exists without a count query.
    const filter = toOrderFilter(query)
    const rows = await listOrders(isTooShortForIndex(filter.search) ? store.slowDb : store.db, filter, toOrderPage(query, query.limit + 1))
    const orders = rows.slice(0, query.limit)
    const last = orders[orders.length - 1]
    const nextCursor = rows.length > query.limit && last !== undefined
      ? encodeCursor(query.sort, query.order, sortKeyOf(last, query.sort), last.id)
      : null
    return { success: true, orders: orders.map(toOrderJson), next_cursor: nextCursor }
  })

  const detailResponse = { 200: { $ref: 'OrderDetail#' }, ...errors }

  app.get('/api/v2/orders/:id', {
    schema: {
      summary: 'One order with its items, tracking numbers, change timeline and deliveries',
      tags: ['orders'],
      params: ID_PARAMS,
      response: detailResponse
    }
  }, async (request) => {
    const { id } = request.params as { id: number }
    return await orderDetail(store.db, await findOrderById(store.db, id), `no order with id ${id}`)
  })

  app.get('/api/v2/orders/by-number/:orderNumber', {
    schema: {
      summary: 'One order by its order number (URL-encoded)',
      tags: ['orders'],
      params: { type: 'object', properties: { orderNumber: { type: 'string', minLength: 1 } }, required: ['orderNumber'] },
      response: detailResponse
    }
  }, async (request) => {
    const { orderNumber } = request.params as { orderNumber: string }
    // "#1001" is how shops write order 1001, and how intake stores it; an order stored with its "#" is found as written.
    const order = await findOrderByNumber(store.db, orderNumber) ??
      (orderNumber.startsWith('#') ? await findOrderByNumber(store.db, orderNumber.replace(/^#\s*/, '')) : undefined)
    return await orderDetail(store.db, order, `no order numbered ${orderNumber}`)
  })
}

async function orderDetail (db: Db, order: StoredOrder | undefined, notFound: string): Promise<Record<string, unknown>> {
  if (order === undefined) throw new DomainError('NOT_FOUND', notFound)
  const [items, trackings, events, deliveries] = await Promise.all([
    findItems(db, order.id),
    findTrackings(db, order.id),
    listOrderEvents(db, order.id),
    listDeliveryLogs(db, { limit: DELIVERIES_SHOWN, orderId: order.id })
  ])
  return {
    success: true,
    order: toOrderJson(order),
    items: items.map(toItemJson),
    trackings: trackings.map(toTrackingJson),
    events: events.map(toEventJson),
    deliveries: deliveries.map(toSummary)
  }
}
