import type { FastifyInstance } from 'fastify'
import { DomainError } from '../domain-error.ts'
import type { IntakeDeps } from '../intake/receive-delivery.ts'
import { replayDelivery } from '../intake/replay-delivery.ts'
import { listReplays } from '../store/delivery-log-query-repository.ts'
import { findDeliveryLog } from '../store/delivery-log-repository.ts'
import type { Store } from '../store/open-store.ts'
import { toSummary } from './webhook-log-routes.ts'
import { ID_PARAMS } from './id-params.ts'
import { BATCH_RESULTS_SCHEMA } from './schemas.ts'
import { batchResults } from './webhook-reply.ts'

export function registerWebhookLogDetailRoutes (app: FastifyInstance, store: Store, intake: IntakeDeps): void {
  app.get('/api/v2/webhooks/logs/:id', {
    schema: {
      summary: 'One delivery: its raw body, its headers (credentials redacted) and what it carried',
      tags: ['webhooks'],
      params: ID_PARAMS,
      response: {
        200: {
          type: 'object',
          properties: {
            success: { type: 'boolean' },
            log: {
              allOf: [{ $ref: 'DeliveryLogSummary#' }, {
                type: 'object',
                properties: {
                  headers: { type: 'object', additionalProperties: { type: 'string' } },
                  raw_body: { type: 'string', description: 'The body as received, account passwords replaced by [redacted]; base64 when `raw_body_encoding` says so' },
                  raw_body_encoding: { type: 'string', enum: ['utf8', 'base64'] },
                  details: { type: ['object', 'null'], additionalProperties: true },
                  delivery_key: { type: ['string', 'null'] },
                  client_ip: { type: ['string', 'null'] },
                  replays: {
                    type: 'array',
                    items: { type: 'object', properties: { id: { type: 'integer' }, created_at: { type: 'string' }, outcome: { type: 'string' }, status_code: { type: 'integer' } } }
                  }
                }
              }]
            }
          }
        },
        '4xx': { $ref: 'Error#' }
      }
    }
  }, async (request) => {
    const { id } = request.params as { id: number }
    const log = await findDeliveryLog(store.db, id)
    if (log === undefined) throw new DomainError('NOT_FOUND', `no delivery with id ${id}`)
    const replays = await listReplays(store.db, id)
    return {
      success: true,
      log: {
        ...toSummary(log),
        headers: log.headers,
        raw_body: log.rawBody,
        raw_body_encoding: log.rawBodyEncoding,
        details: log.details,
        delivery_key: log.deliveryKey,
        client_ip: log.clientIp,
        replays: replays.map((r) => ({ id: r.id, created_at: r.createdAt, outcome: r.outcome, status_code: r.statusCode }))
      }
    }
  })

  app.post('/api/v2/webhooks/logs/:id/replay', {
    schema: {
      summary: 'Run a stored delivery through the pipeline again',
      description: 'The replay is a new delivery record with `replay_of` set. Signatures are not checked again (stored ' +
        'headers are redacted) and the sender\'s delivery id is not claimed again, so the order is re-applied. The answer ' +
        'is 200 with the new delivery\'s outcome, whether that delivery was accepted or not (`success` tells).',
      tags: ['webhooks'],
      params: ID_PARAMS,
      response: {
        200: {
          type: 'object',
          properties: {
            success: { type: 'boolean' },
            delivery_id: { type: ['integer', 'null'] },
            replay_of: { type: 'integer' },
            outcome: { type: 'string' },
            status_code: { type: 'integer' },
            order_id: { type: ['integer', 'null'] },
            order_number: { type: ['string', 'null'] },
            action: { type: ['string', 'null'] },
            error: {
              type: ['object', 'null'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } }
            },
            results: BATCH_RESULTS_SCHEMA
          }
        },
        '4xx': { $ref: 'Error#' }
      }
    }
  }, async (request) => {
    const { id } = request.params as { id: number }
    const result = await replayDelivery(intake, store.db, id)
    if (result.internalError !== undefined) request.log.error({ err: result.internalError, logId: result.logId, replayOf: id }, 'replay failed')
    // A rejected delivery has no order, but its record keeps the order number it named: the answer says what the record says.
    const recorded = result.orderNumber === undefined && result.logId !== null ? await findDeliveryLog(store.db, result.logId) : undefined
    return {
      success: result.error === undefined,
      delivery_id: result.logId,
      replay_of: id,
      outcome: result.outcome,
      status_code: result.statusCode,
      order_id: result.orderId ?? null,
      order_number: result.orderNumber ?? recorded?.orderNumber ?? null,
      action: result.action ?? null,
      error: result.error ?? null,
      // A list refused whole (a wrong signature, say) replays as its orders, each a delivery of its own.
      ...(result.batch === undefined ? {} : { results: batchResults(result.batch) })
    }
  })
}
