import type { FastifyInstance } from 'fastify'
import { DomainError } from '../domain-error.ts'
import type { DeliveryLog, DeliveryOutcome } from '../store/delivery-log-repository.ts'
import { listDeliveryLogs } from '../store/delivery-log-repository.ts'
import type { Store } from '../store/open-store.ts'
import { readInstant } from '../orders/read-order-filter.ts'
import { idPageSchema } from './schemas.ts'
import { ROW_ID } from './id-params.ts'

const OUTCOMES = [
  'received', 'created', 'updated', 'unchanged', 'duplicate', 'stale', 'ping', 'test', 'declined', 'rejected', 'unauthorized', 'failed'
] as const satisfies readonly DeliveryOutcome[]

export function registerWebhookLogRoutes (app: FastifyInstance, store: Store): void {
  app.get('/api/v2/webhooks/logs', {
    schema: {
      summary: 'Recent deliveries, newest first: accepted, rejected and failed alike',
      tags: ['webhooks'],
      querystring: {
        type: 'object',
        properties: {
          limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
          before: { ...ROW_ID, description: 'Only entries with an id below this (the next page)' },
          outcome: { type: 'string' },
          source: { type: 'string' },
          order_number: { type: 'string' },
          since: { type: 'string', description: 'Received at or after (inclusive): an ISO 8601 date or date-time, UTC when no offset is given' },
          until: { type: 'string', description: 'Received before (exclusive); a date alone includes that whole day' }
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
      limit: q.limit,
      before: q.before,
      outcome: readOutcome(given(q.outcome)),
      // ROMS's own lower-case names, as the orders' source filter reads them (`Shopify` is `shopify`).
      source: given(q.source?.trim().toLowerCase()),
      orderNumber: given(q.order_number),
      since: readBound(q.since, 'since', 'start'),
      until: readBound(q.until, 'until', 'end')
    })
    return {
      success: true,
      count: logs.length,
      next_before: logs.length === q.limit ? logs[logs.length - 1]?.id ?? null : null,
      logs: logs.map(toSummary)
    }
  })
}

// An empty value is no filter, as in the orders list (a form sends every field).
function given (value: string | undefined): string | undefined {
  return value === '' ? undefined : value
}

/** One of the outcomes a delivery can have: a typo (`outcome=rejectd`) listed nothing, as if none had been refused. */
function readOutcome (value: string | undefined): DeliveryOutcome | undefined {
  if (value === undefined) return undefined
  const outcome = OUTCOMES.find((o) => o === value.trim().toLowerCase())
  if (outcome !== undefined) return outcome
  throw new DomainError('INVALID_QUERY', `outcome must be one of ${OUTCOMES.join(', ')}; got "${value.slice(0, 40)}"`, { field: 'outcome' })
}

/** Read as the orders' `from` and `to` are, so both compare as the stored `toISOString()` text whatever the notation. */
function readBound (value: string | undefined, field: string, bound: 'start' | 'end'): string | undefined {
  return value === undefined || value === '' ? undefined : readInstant(value, field, bound)
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
