import type { FastifyInstance, FastifyRequest } from 'fastify'
import { errorBody } from './error-handler.ts'
import { routeFactsOf } from './route-facts.ts'

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i

/**
 * Changes through the API take JSON only, unless a route lists the types it takes (`schema.consumes`: senders post
 * forms, the sign-in page a form without script, the email upload a message). A form or text/plain post is what another
 * site can make a browser send without asking (no CORS preflight); refusing it keeps that door shut even for a browser
 * that sends neither Origin nor Sec-Fetch-Site, which the access rule's same-origin check relies on.
 */
export function registerJsonOnly (app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (takesJsonOnly(request)) {
      const type = request.headers['content-type']
      const hasBody = type !== undefined || (request.headers['content-length'] ?? '0') !== '0' || request.headers['transfer-encoding'] !== undefined
      if (hasBody && !JSON_TYPE.test(type ?? '')) {
        // Answered: `done` is not called (Fastify's rule for a hook that replies).
        reply.code(415).send(errorBody('UNSUPPORTED_MEDIA_TYPE', 'this endpoint takes application/json only'))
        return
      }
    }
    done()
  })
}

function takesJsonOnly (request: FastifyRequest): boolean {
  if (!CHANGES.has(request.method)) return false
  const route = routeFactsOf(request)
  return route.url !== undefined && route.url.startsWith('/api/') && !route.consumes
}
