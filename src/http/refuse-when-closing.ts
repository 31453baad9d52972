import type { FastifyInstance } from 'fastify'
import { errorBody } from './error-handler.ts'

/**
 * After SIGTERM, a request that arrives on a connection still open (a keep-alive client, a request pipelined behind
 * one in flight) is answered 503 with Retry-After, in ROMS's error shape, and its connection closed: a sender retries
 * it on another instance or after the restart. Fastify's own answer for these (`return503OnClosing`) has neither
 * Retry-After nor ROMS's shape, so it is turned off in app.ts. Nothing is recorded: the store is being closed.
 */
export function registerRefuseWhenClosing (app: FastifyInstance): void {
  let closing = false
  app.addHook('preClose', (done) => {
    closing = true
    done()
  })
  app.addHook('onRequest', (_request, reply, done) => {
    if (!closing) {
      done()
      return
    }
    reply.code(503).header('retry-after', '1').header('connection', 'close')
      .send(errorBody('SHUTTING_DOWN', 'this server is shutting down; retry the request'))
  })
}
