import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify'
import { errorBody } from './error-handler.ts'
import { addQueryGuard } from './query-guard-hooks.ts'

/** How to give several values where a parameter takes them. */
const SEVERAL: Record<string, string> = { status: ' (several statuses go in one, separated by commas: status=shipped,delivered)' }

/**
 * A query parameter given twice (`?limit=10&limit=20`, `?status=a&status=b` from a hand-written link) is answered 400
 * saying so: no parameter of the API takes a list of values, and the schema's own words for the array it becomes
 * ("limit must be integer", "status must be string") named a type the values already had. Delivery routes record
 * their URL as sent and never read it.
 */
export function registerRepeatedQueryGuard (app: FastifyInstance): void {
  addQueryGuard(app, 'preValidation', refuseRepeated)
}

function refuseRepeated (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const query = typeof request.query === 'object' && request.query !== null ? request.query : {}
  const repeated = Object.entries(query).find(([, value]) => Array.isArray(value))
  if (repeated === undefined) {
    done()
    return
  }
  const [name, values] = repeated as [string, unknown[]]
  const message = `query parameter ${name} is given ${values.length} times: give it once${SEVERAL[name] ?? ''}`
  reply.code(400).send(errorBody('INVALID_QUERY', message, name))
}
