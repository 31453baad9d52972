import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { IncomingDelivery } from '../intake/delivery.ts'
import { receiveDelivery, type IntakeDeps } from '../intake/receive-delivery.ts'
import type { DeliveryLimits } from './delivery-limits.ts'
import { type RawBody, sentContentType, useRawBodies } from './raw-body.ts'
import { errorBody } from './error-handler.ts'
import { replyBody } from './webhook-reply.ts'

export interface WebhookRouteDeps {
  intake: IntakeDeps
  bodyLimit: number
  signatureRequired: () => boolean
  /** Per-client rate limits; none means unlimited. */
  limits?: DeliveryLimits | undefined
}

const RETRY_AFTER_SECONDS = '5'

// The serialiser drops every property a response schema does not name; the message discord.js reads must arrive whole.
const discordMessageSchema = {
  type: 'object',
  description: 'A Discord-shaped post with `?wait=true`: the created message, as Discord answers it',
  required: ['id', 'channel_id', 'type'],
  additionalProperties: true
}

const deliverySchema = {
  tags: ['webhooks'],
  consumes: ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'],
  response: {
    // A list answer first: the single answer's schema requires nothing and would take it, dropping `results`.
    200: { anyOf: [discordMessageSchema, { $ref: 'BatchAnswer#' }, { $ref: 'DeliveryAnswer#' }] },
    204: { type: 'null', description: 'A Discord-shaped post without `?wait=true`, answered as Discord does' },
    207: { $ref: 'BatchAnswer#' },
    '4xx': { anyOf: [{ $ref: 'BatchAnswer#' }, { $ref: 'Error#' }] },
    503: { anyOf: [{ $ref: 'BatchAnswer#' }, { $ref: 'Error#' }] }
  }
}

export async function registerWebhookRoutes (app: FastifyInstance, deps: WebhookRouteDeps): Promise<void> {
  app.get('/api/v2/webhooks/test', {
    schema: {
      summary: 'Check that the webhook endpoint is reachable',
      tags: ['webhooks'],
      response: {
        200: {
          type: 'object',
          properties: {
            status: { type: 'string' },
            message: { type: 'string' },
            timestamp: { type: 'string', format: 'date-time' },
            signature_required: { type: 'boolean' }
          }
        }
      }
    }
  }, async () => ({
    status: 'ok',
    message: 'Webhook endpoint is operational',
    timestamp: deps.intake.clock().toISOString(),
    signature_required: deps.signatureRequired()
  }))

  // The webhook URL opened in a browser: it takes deliveries by POST only, and says so instead of "no route".
  app.get('/api/v2/webhooks/orders', { schema: { hide: true } }, async (_request, reply) => {
    return await reply.code(405).header('allow', 'POST').send(errorBody('METHOD_NOT_ALLOWED',
      'this URL takes orders by POST, with the order as JSON in the body; GET /api/v2/webhooks/test checks that the endpoint is reachable'))
  })

  // Encapsulated: the raw-bytes body parser applies to the delivery routes only.
  await app.register(async (scope) => {
    const limits = deps.limits
    if (limits !== undefined) scope.addHook('onRequest', limits.checkRate)
    useRawBodies(scope, deps.bodyLimit)
    const handle = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
      const incoming = toIncoming(request, deps.intake.clock())
      if (limits !== undefined && await limits.refuseRepeatedFailure(request, reply, incoming)) return reply
      const result = await receiveDelivery(deps.intake, incoming)
      limits?.recordResult(request, result)
      if (result.internalError !== undefined) request.log.error({ err: result.internalError, logId: result.logId }, 'delivery failed')
      if (result.statusCode === 503 || result.statusCode === 429) reply.header('retry-after', RETRY_AFTER_SECONDS)
      if (incoming.tooLarge === true) reply.header('connection', 'close')
      const body = replyBody(result, incoming.receivedAt)
      return await reply.code(result.statusCode).send(body ?? undefined)
    }
    scope.post('/api/v2/webhooks/orders', {
      schema: {
        ...deliverySchema,
        summary: 'Receive an order from any sender',
        description: 'Posts from checkout bots, Shopify, WooCommerce, Standard Webhooks senders and scripts. The sender is ' +
          'recognised from its headers and body; the guide\'s flat JSON is read through its field-mapping table.'
      }
    }, handle)
    scope.post('/api/v2/webhooks/orders/:token', {
      schema: {
        ...deliverySchema,
        summary: 'Receive an order through the secret URL (for senders that cannot sign)',
        params: { type: 'object', properties: { token: { type: 'string' } } }
      }
    }, handle)
  })
}

function toIncoming (request: FastifyRequest, receivedAt: Date): IncomingDelivery {
  const raw = request.body as RawBody | undefined
  const headers: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  headers['content-type'] = sentContentType(request)
  const query: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(request.query as Record<string, unknown>)) {
    query[name] = Array.isArray(value) ? String(value[0]) : String(value)
  }
  // `/api/v2/webhooks/orders/` (a trailing slash in a sender's settings) is the plain URL, not an empty token.
  const { token } = request.params as { token?: string }
  return {
    method: request.method,
    path: request.url,
    headers,
    query,
    rawBody: raw?.bytes ?? Buffer.alloc(0),
    tooLarge: raw?.tooLarge ?? false,
    urlToken: token === '' ? undefined : token,
    clientIp: request.ip,
    receivedAt
  }
}
