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
    // A HEAD (an uptime check) gets the stream's headers and an end: opened as a stream, it was answered nothing at all
    // (a HEAD answer carries no body, and the headers went out with the first event) and held a stream slot.
    if (request.method === 'HEAD') {
      return await reply.type('text/event-stream; charset=utf-8').header('cache-control', 'no-cache, no-transform').send()
    }
    const { last_event_id: fromQuery } = request.query as { last_event_id?: number }
    const header = request.headers['last-event-id']
    // Only an id this server could have given: beyond 2^53 it is not one (and PostgreSQL refused it beyond bigint, so
    // the stream closed at once and EventSource came back with it for ever); such a header is no resume point.
    const fromHeader = typeof header === 'string' && /^\d+$/.test(header.trim()) && Number.isSafeInteger(Number(header.trim()))
      ? Number(header.trim())
      : undefined
    reply.hijack()
    // The server's idle timeout would cut a quiet stream; the heartbeat and the per-client buffer limit watch it instead.
    request.raw.socket.setTimeout(0)
    if (!hub.connect(reply.raw, fromHeader ?? fromQuery)) {
      reply.raw.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '5' })
      reply.raw.end(JSON.stringify(errorBody('STREAM_UNAVAILABLE', 'too many open streams, or the server is stopping; retry later')))
    }
  })
}
