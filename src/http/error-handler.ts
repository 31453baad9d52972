import type { FastifyError, FastifyInstance } from 'fastify'
import { isDomainError } from '../domain-error.ts'
import { statusForCode } from '../intake/error-status.ts'
import { redactPath } from '../intake/redact.ts'
import { describeValidation } from './validation-message.ts'

export interface ErrorBody {
  success: false
  error: { code: string, message: string, field?: string | undefined }
}

export function errorBody (code: string, message: string, field?: string): ErrorBody {
  return { success: false, error: field === undefined ? { code, message } : { code, message, field } }
}

/**
 * 4xx answers name the problem; 5xx are logged with their context and masked, so no internal detail (a query, a
 * path, a secret in a connection string) reaches the client.
 */
export function registerErrorHandlers (app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDomainError(error)) {
      return reply.code(statusForCode(error.code)).send(errorBody(error.code, error.message, error.field))
    }
    if (error.validation !== undefined) {
      const { message, field } = describeValidation(error.validation, error.validationContext)
      return reply.code(400).send(errorBody('INVALID_REQUEST', message, field))
    }
    const status = error.statusCode ?? 500
    if (status < 500) {
      return reply.code(status).send(errorBody(error.code ?? 'BAD_REQUEST', error.message))
    }
    request.log.error({ err: error, url: redactPath(request.url, undefined), method: request.method }, 'request failed')
    return reply.code(500).send(errorBody('INTERNAL_ERROR', 'internal server error'))
  })
  app.setNotFoundHandler((request, reply) => {
    const path = redactPath(request.url.split('?')[0] ?? '', undefined)
    return reply.code(404).send(errorBody('NOT_FOUND', `no route for ${request.method} ${path}`))
  })
}
