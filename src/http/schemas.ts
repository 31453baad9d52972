import type { FastifyInstance } from 'fastify'

/** Shared response schemas: they validate nothing at runtime but serialise fast and feed the OpenAPI document. */
/** What became of each order of a list posted in one request (a delivery answer, or a replay of one). */
export const BATCH_RESULTS_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      index: { type: 'integer' },
      success: { type: 'boolean' },
      delivery_id: { type: ['integer', 'null'] },
      order_id: { type: 'integer' },
      order_number: { type: 'string' },
      action: { type: 'string' },
      error: {
        type: 'object',
        properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } }
      }
    }
  }
} as const

export function registerSchemas (app: FastifyInstance): void {
  app.addSchema({
    $id: 'Error',
    type: 'object',
    properties: {
      success: { type: 'boolean', const: false },
      error: {
        type: 'object',
        properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
        required: ['code', 'message']
      }
    },
    required: ['success', 'error']
  })
  app.addSchema({
    $id: 'Health',
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['ok', 'degraded'] },
      database: { type: 'string', enum: ['ok', 'down'] },
      dialect: { type: 'string' },
      queue_depth: { type: 'integer' },
      timestamp: { type: 'string', format: 'date-time' }
    }
  })
  app.addSchema({
    $id: 'DeliveryAnswer',
    type: 'object',
    description: 'The answer to a delivery. `action` says what happened to the order.',
    properties: {
      success: { type: 'boolean' },
      message: { type: 'string' },
      order_id: { type: 'integer' },
      order_number: { type: 'string' },
      action: { type: 'string', enum: ['created', 'updated', 'unchanged', 'duplicate', 'stale', 'test', 'declined', 'ping'] }
    }
  })
  app.addSchema({
    $id: 'BatchAnswer',
    type: 'object',
    description: 'The answer to a list of orders (a JSON array, or `{"orders": [...]}`): each order was taken as a delivery of its own.',
    properties: {
      success: { type: 'boolean', description: 'Whether every order was stored' },
      message: { type: 'string' },
      error: {
        type: 'object',
        properties: { code: { type: 'string' }, message: { type: 'string' } }
      },
      results: BATCH_RESULTS_SCHEMA
    },
    required: ['success', 'results']
  })
  app.addSchema({
    $id: 'DeliveryLogSummary',
    type: 'object',
    properties: {
      id: { type: 'integer' },
      created_at: { type: 'string' },
      source: { type: 'string' },
      method: { type: 'string' },
      path: { type: 'string' },
      content_type: { type: ['string', 'null'] },
      status_code: { type: 'integer' },
      outcome: { type: 'string' },
      error_code: { type: ['string', 'null'] },
      error: { type: ['string', 'null'] },
      order_id: { type: ['integer', 'null'] },
      order_number: { type: ['string', 'null'] },
      body_size: { type: 'integer' },
      body_preview: { type: 'string' },
      replay_of: { type: ['integer', 'null'] }
    }
  })
}

/** A page of a list paged by id (`?before=`): the delivery log and the kept emails answer the same way. */
export function idPageSchema (itemsKey: string, item: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      success: { type: 'boolean' },
      count: { type: 'integer' },
      next_before: { type: ['integer', 'null'] },
      [itemsKey]: { type: 'array', items: item }
    }
  }
}
