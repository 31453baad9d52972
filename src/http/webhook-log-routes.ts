import type { FastifyInstance } from 'fastify'
import type { DeliveryLog } from '../store/delivery-log-repository.ts'
import { listDeliveryLogs } from '../store/delivery-log-repository.ts'
import type { Store } from '../store/open-store.ts'
import { idPageSchema } from './schemas.ts'

export function registerWebhookLogRoutes (app: FastifyInstance, store: Store): void {
  app.get('/api/v2/webhooks/logs', {
    schema: {
      summary: 'Recent deliveries, newest first: accepted, rejected and failed alike',
      tags: ['webhooks'],
      querystring: {
        type: 'object',
        properties: {
          limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
          before: { type: 'integer', minimum: 1, description: 'Only entries with an id below this (the next page)' },
          outcome: { type: 'string' },
          source: { type: 'string' },
          order_number: { type: 'string' },
          since: { type: 'string', format: 'date-time' },
          until: { type: 'string', format: 'date-time' }
        },
        additionalProperties: false
      },
      response: {
        200: idPageSchema('logs', { $ref: 'DeliveryLogSummary#' })
      }
    }
  }, async (request) => {
    const q = request.query as { limit: number, before?: number, outcome?: string, source?: string, order_number?: string, since?: string, until?: string }
    const logs = await listDeliveryLogs(store.db, {
      limit: q.limit, before: q.before, outcome: q.outcome, source: q.source, orderNumber: q.order_number, since: q.since, until: q.until
    })
    return {
      success: true,
      count: logs.length,
      next_before: logs.length === q.limit ? logs[logs.length - 1]?.id ?? null : null,
      logs: logs.map(toSummary)
    }
  })
}

export function toSummary (log: DeliveryLog): Record<string, unknown> {
  return {
    id: log.id,
    created_at: log.createdAt,
    source: log.source,
    method: log.method,
    path: log.path,
    content_type: log.contentType,
    status_code: log.statusCode,
    outcome: log.outcome,
    error_code: log.errorCode,
    error: log.error,
    order_id: log.orderId,
    order_number: log.orderNumber,
    body_size: log.bodySize,
    body_preview: log.bodyPreview,
    replay_of: log.replayOf
  }
}
