import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify'
import { errorBody } from './error-handler.ts'
import { addQueryGuard } from './query-guard-hooks.ts'

/**
 * A NUL character in a query parameter or a URL segment (`%00`) is answered 400 naming it: PostgreSQL refuses NUL in
 * text (a query with one would fail as a 500) and SQLite's LIKE stops at it (`q=%00` matched every order). Stored text
 * never holds one (intake drops control characters). Delivery routes are left alone: their URL is recorded as sent and
 * never reaches a query, and the hook is attached route by route so they pay nothing for it.
 */
export function registerNulGuard (app: FastifyInstance): void {
  addQueryGuard(app, 'preValidation', refuseNul)
}

function refuseNul (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const field = fieldWithNul(request.query) ?? fieldWithNul(request.params)
  if (field === undefined) {
    done()
    return
  }
  reply.code(400).send(errorBody('INVALID_QUERY', `${field} must not contain a NUL character (%00)`, field))
}

function fieldWithNul (values: unknown): string | undefined {
  if (typeof values !== 'object' || values === null) return undefined
  for (const [name, value] of Object.entries(values)) {
    const texts = Array.isArray(value) ? value : [value]
    if (texts.some((text) => typeof text === 'string' && text.includes('\u0000'))) return name
  }
  return undefined
}
