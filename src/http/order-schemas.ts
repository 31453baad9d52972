import type { FastifyInstance } from 'fastify'

const text = { type: ['string', 'null'] }
const money = { type: ['string', 'null'], description: 'A decimal string with two places ("1299.00"), exact' }

/** The order shapes of the orders API and the stream, for serialisation and /docs. */
export function registerOrderSchemas (app: FastifyInstance): void {
  app.addSchema({
    $id: 'Order',
    type: 'object',
    properties: {
      id: { type: 'integer' },
      order_number: { type: 'string' },
      product: text,
      size: text,
      sku: text,
      store: text,
      price: money,
      total: money,
      commission: money,
      currency: text,
      quantity: { type: ['integer', 'null'] },
      email: text,
      customer_name: text,
      profile: text,
      proxy_list: text,
      reference_number: text,
      status: { type: 'string' },
      tracking_number: text,
      carrier: text,
      order_date: text,
      platform_order_id: text,
      source: { type: 'string' },
      extra: { type: 'object', additionalProperties: true },
      created_at: { type: 'string' },
      updated_at: { type: 'string' }
    }
  })
  app.addSchema({
    $id: 'OrderDetail',
    type: 'object',
    properties: {
      success: { type: 'boolean' },
      order: { $ref: 'Order#' },
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: { title: text, variant: text, sku: text, quantity: { type: 'integer' }, unit_price: money }
        }
      },
      trackings: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            tracking_number: { type: 'string' },
            carrier: text,
            url: { type: ['string', 'null'], description: "The carrier's tracking page, when the carrier is known" }
          }
        }
      },
      events: {
        type: 'array',
        description: 'The change timeline, oldest first',
        items: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            type: { type: 'string', enum: ['created', 'updated'] },
            source: { type: 'string' },
            delivery_id: { type: ['integer', 'null'] },
            created_at: { type: 'string' },
            changes: {
              type: 'array',
              items: { type: 'object', properties: { field: { type: 'string' }, old: {}, new: {} } }
            }
          }
        }
      },
      deliveries: { type: 'array', description: 'The deliveries that touched the order, newest first', items: { $ref: 'DeliveryLogSummary#' } }
    }
  })
}
