import type { Socket } from 'node:net'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isDomainError } from '../domain-error.ts'
import { statusForCode } from '../intake/error-status.ts'
import { redactPath } from '../intake/redact.ts'
import { isDatabaseUnavailable } from '../store/database-errors.ts'
import { describeValidation } from './validation-message.ts'

export interface ErrorBody {
  success: false
  error: { code: string, message: string, field?: string | undefined }
}

export function errorBody (code: string, message: string, field?: string): ErrorBody {
  return { success: false, error: field === undefined ? { code, message } : { code, message, field } }
}

const RETRY_AFTER_SECONDS = '5'

/** What Fastify refuses before a route runs (its body parsers, its URL reading), in ROMS's codes and words. */
const FASTIFY_ERRORS: Record<string, { status: number, code: string, message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON', message: 'the body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'EMPTY_BODY', message: 'the body is empty: send a JSON object' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', message: 'the body is larger than this server accepts (ROMS_BODY_LIMIT)' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'INVALID_REQUEST', message: 'Content-Length does not match the body' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'this endpoint takes application/json' },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'the Content-Type header is not valid' },
  FST_ERR_CTP_EMPTY_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'the Content-Type header is empty' },
  FST_ERR_CTP_INVALID_CHARSET: { status: 415, code: 'UNSUPPORTED_CHARSET', message: 'this endpoint takes UTF-8 only' },
  FST_ERR_BAD_URL: { status: 400, code: 'INVALID_URL', message: 'the URL is not valid: a % must start an escape such as %20' }
}

/**
 * Fastify's `frameworkErrors` option: errors met before routing (a URL that cannot be decoded), which otherwise answer
 * in Fastify's own shape and code. Given to Fastify in app.ts.
 */
export function answerFrameworkError (error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const known = FASTIFY_ERRORS[error.code]
  reply.code(known?.status ?? error.statusCode ?? 400).send(errorBody(known?.code ?? 'INVALID_REQUEST', known?.message ?? error.message))
}

/** What Node refuses while reading a request, before Fastify sees one; anything else is answered as unreadable. */
const CLIENT_ERRORS: Record<string, { status: number, reason: string, code: string, message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large', code: 'HEADERS_TOO_LARGE', message: 'the request headers are larger than 16 KiB' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', code: 'REQUEST_TIMEOUT', message: 'the request was not received in time' }
}

/**
 * Fastify's `clientErrorHandler`: a request Node could not read (headers over its 16 KiB limit, a malformed request
 * line, too slow) is answered in ROMS's error shape and the connection closed. Nothing of it can be recorded as a
 * delivery: there is no request to record.
 */
export function answerClientError (error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const known = CLIENT_ERRORS[error.code ?? ''] ?? { status: 400, reason: 'Bad Request', code: 'INVALID_REQUEST', message: 'the request could not be read as HTTP/1.1' }
  const body = JSON.stringify(errorBody(known.code, known.message))
  socket.write(`HTTP/1.1 ${known.status} ${known.reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
  // Closed, not ended: a client still sending (a byte at a time) would keep a half-closed socket open.
  socket.destroy()
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
      // A query parameter's problem has the code every other query problem has (a bad date, a cursor, a NUL).
      const code = error.validationContext === 'querystring' ? 'INVALID_QUERY' : 'INVALID_REQUEST'
      return reply.code(400).send(errorBody(code, message, field))
    }
    const status = error.statusCode ?? 500
    if (status < 500) {
      const known = FASTIFY_ERRORS[error.code]
      if (known !== undefined) return reply.code(known.status).send(errorBody(known.code, known.message))
      // Fastify's own codes (FST_...) name its internals, not ROMS's API: clients get ROMS's codes only.
      const code = error.code === undefined || error.code.startsWith('FST_') ? 'INVALID_REQUEST' : error.code
      return reply.code(status).send(errorBody(code, error.message))
    }
    if (isDatabaseUnavailable(error)) {
      // The sender or the dashboard should retry, as a delivery is told to; nothing is wrong with the request.
      request.log.warn({ err: error, url: redactPath(request.url, undefined), method: request.method }, 'database unavailable')
      return reply.code(503).header('retry-after', RETRY_AFTER_SECONDS).send(errorBody('DATABASE_UNAVAILABLE', 'the database is unavailable; retry later'))
    }
    request.log.error({ err: error, url: redactPath(request.url, undefined), method: request.method }, 'request failed')
    return reply.code(500).send(errorBody('INTERNAL_ERROR', 'internal server error'))
  })
  app.setNotFoundHandler((request, reply) => {
    const path = redactPath(request.url.split('?')[0] ?? '', undefined)
    return reply.code(404).send(errorBody('NOT_FOUND', `no route for ${request.method} ${path}`))
  })
}
