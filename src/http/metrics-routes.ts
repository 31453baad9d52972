import type { FastifyInstance } from 'fastify'
import type { Metrics } from '../intake/metrics.ts'
import { routeFactsOf } from './route-facts.ts'

/** Prometheus scrapes this. Not an open route, so the access rule guards it like the read API (a bearer token works). */
const DELIVERY_ROUTES = new Set(['/api/v2/webhooks/orders', '/api/v2/webhooks/orders/:token'])

export function registerMetricsRoutes (app: FastifyInstance, metrics: Metrics, queueDepth: () => number): void {
  // Latency as a sender sees it, body upload included, which the pipeline alone cannot measure.
  app.addHook('onResponse', (request, reply, done) => {
    if (request.method === 'POST' && DELIVERY_ROUTES.has(routeFactsOf(request).url ?? '')) metrics.observeLatency(reply.elapsedTime / 1000)
    done()
  })
  app.get('/metrics', {
    schema: { summary: 'Counters and histograms in the Prometheus text format', tags: ['health'], produces: ['text/plain'] }
  }, async (_request, reply) => {
    return await reply.type('text/plain; version=0.0.4; charset=utf-8')
      .send(metrics.render({ queueDepth: queueDepth() }))
  })
}
