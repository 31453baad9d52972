import type { FastifyInstance } from 'fastify'
import { errorBody } from './error-handler.ts'
import type { StreamHub } from './stream-hub.ts'

export function registerStreamRoutes (app: FastifyInstance, hub: StreamHub): void {
  // Open streams would keep app.close() waiting for ever: they are ended before the server stops listening.
  app.addHook('preClose', async () => { hub.close() })

  app.get('/api/v2/stream', {
    schema: {
      summary: 'Live events (Server-Sent Events): deliveries and order changes',
      description: 'Events: `delivery` (a DeliveryLogSummary, `id:` = the delivery id), `order.created` and ' +
        '`order.updated` ({ delivery_id, action, order }), sent just before their delivery event, and `ready` once the ' +
        'stream is live. Resume with the `Last-Event-ID` header (EventSource sends it) or `?last_event_id=`. ' +
        'A comment line every 15 s keeps the connection open. A client that falls more than 1 MiB behind is ' +
        'disconnected and resumes where it was.',
      tags: ['stream'],
      produces: ['text/event-stream'],
      querystring: {
        type: 'object',
        properties: { last_event_id: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Resume after this delivery id' } },
        additionalProperties: false
      }
    }
  }, async (request, reply) => {
    const { last_event_id: fromQuery } = request.query as { last_event_id?: number }
    const header = request.headers['last-event-id']
    // A header no id can match (not digits, or beyond 2^53, where PostgreSQL's bigint ends too) is taken for none: the
    // stream goes live from now, as for a first visit.
    const fromHeader = typeof header === 'string' && /^\d+$/.test(header.trim()) && Number.isSafeInteger(Number(header.trim())) ? Number(header.trim()) : undefined
    reply.hijack()
    // The server's idle timeout would cut a quiet stream; the heartbeat and the per-client buffer limit watch it instead.
    request.raw.socket.setTimeout(0)
    if (!hub.connect(reply.raw, fromHeader ?? fromQuery)) {
      reply.raw.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '5' })
      reply.raw.end(JSON.stringify(errorBody('STREAM_UNAVAILABLE', 'too many open streams, or the server is stopping; retry later')))
    }
  })
}
