import type { FastifyInstance } from 'fastify'
import { DomainError } from '../domain-error.ts'
import { correctOrder } from '../intake/correct-order.ts'
import { parseJson } from '../intake/parse-json.ts'
import { redactPath } from '../intake/redact.ts'
import type { IntakeDeps } from '../intake/receive-delivery.ts'
import { toOrderJson } from './order-json.ts'
import { headersOf } from './request-headers.ts'
import { ID_PARAMS } from './id-params.ts'

const UTF8 = /;\s*charset\s*=\s*"?(?!utf-?8"?\s*(?:;|$))/i

export function registerOrderPatchRoutes (app: FastifyInstance, intake: IntakeDeps): void {
  app.register(async (scope) => {
    // Read as deliveries are: at most 64 levels deep (an `extra` nested thousands deep overflowed the stack: a 500),
    // a number beyond a double kept as written so its error quotes it, and a `__proto__` key an unknown field like any
    // other (Fastify's parser called a body with one "not valid JSON").
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      const encoding = request.headers['content-encoding']?.trim().toLowerCase()
      if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
        done(new DomainError('UNSUPPORTED_ENCODING', `this endpoint takes an uncompressed body, not Content-Encoding ${encoding.slice(0, 40)}`))
      } else if (UTF8.test(request.headers['content-type'] ?? '')) {
        done(new DomainError('UNSUPPORTED_CHARSET', 'this endpoint takes UTF-8 only'))
      } else if (String(body).trim() === '') {
        done(new DomainError('EMPTY_BODY', 'the body is empty: send a JSON object'))
      } else {
        try {
          done(null, parseJson(String(body)))
        } catch (error) {
          done(error as Error)
        }
      }
    })
    registerPatchRoute(scope, intake)
  })
}

function registerPatchRoute (app: FastifyInstance, intake: IntakeDeps): void {
  app.patch('/api/v2/orders/:id', {
    schema: {
      summary: 'Correct an order by hand',
      description: 'A JSON object with the webhook field names (status, tracking_number, total...) and an optional `extra` ' +
        'object. It is applied like a delivery: recorded in the delivery log as source `manual`, shown in the timeline ' +
        'and on the live stream. Fields cannot be cleared, and the order number cannot change.',
      tags: ['orders'],
      params: ID_PARAMS,
      body: { type: 'object', additionalProperties: true },
      response: {
        200: {
          type: 'object',
          properties: {
            success: { type: 'boolean' },
            action: { type: 'string', enum: ['updated', 'unchanged', 'stale'] },
            delivery_id: { type: ['integer', 'null'] },
            order: { $ref: 'Order#' }
          }
        },
        '4xx': { $ref: 'Error#' }
      }
    }
  }, async (request) => {
    const { id } = request.params as { id: number }
    const result = await correctOrder(intake, {
      orderId: id,
      body: request.body,
      headers: headersOf(request),
      // Stored and shown as a delivery's is: a token someone put in the query (`?token=`) is redacted first.
      path: redactPath(request.url, undefined),
      clientIp: request.ip,
      receivedAt: intake.clock()
    })
    // The order as this correction left it: read again after the commit, it could show another change made since.
    return { success: true, action: result.action, delivery_id: result.logId, order: result.order === undefined ? undefined : toOrderJson(result.order) }
  })
}
