import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify'
import { errorBody } from './error-handler.ts'
import { addQueryGuard } from './query-guard-hooks.ts'

/**
 * Ajv turns `1e309` in a query parameter or a URL segment into Infinity and lets it through as an integer within
 * every bound (`limit=1e309` reached SQLite and PostgreSQL as a 500; `/orders/1e309` answered "no order with id
 * Infinity" where an id beyond 2^53 - 1 is refused). Checked once the schema has coerced the values.
 */
export function registerInfiniteNumberGuard (app: FastifyInstance): void {
  addQueryGuard(app, 'preHandler', refuseInfinite, { first: true })
}

function refuseInfinite (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const inQuery = infiniteField(request.query)
  const inPath = inQuery === undefined ? infiniteField(request.params) : undefined
  const field = inQuery ?? inPath
  if (field === undefined) {
    done()
    return
  }
  const place = inQuery !== undefined ? 'query parameter' : 'URL parameter'
  reply.code(400).send(errorBody(inQuery !== undefined ? 'INVALID_QUERY' : 'INVALID_REQUEST', `${place} ${field} is beyond any number this API takes`, field))
}

function infiniteField (values: unknown): string | undefined {
  if (typeof values !== 'object' || values === null) return undefined
  return Object.entries(values).find(([, value]) => typeof value === 'number' && !Number.isFinite(value))?.[0]
}
