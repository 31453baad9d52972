import type { FastifyInstance } from 'fastify'
import { type ApplyEmailDeps, applyEmail } from '../email/apply-email.ts'
import { rerunEmail } from '../email/rerun-email.ts'
import { findNotEmail } from '../email/find-not-email.ts'
import { splitMbox } from '../email/split-mbox.ts'
import { DomainError } from '../domain-error.ts'
import { decodeContent } from '../intake/decode-content.ts'
import { findEmail, listEmails } from '../store/email-message-repository.ts'
import type { Store } from '../store/open-store.ts'
import {
  emailDetailSchema, emailResultSchema, emailSummarySchema, toEmailDetailJson, toEmailResultJson, toEmailSummaryJson
} from './email-json.ts'
import { idPageSchema } from './schemas.ts'
import { ID_PARAMS, ROW_ID } from './id-params.ts'

export interface EmailRouteDeps {
  emails: ApplyEmailDeps
  store: Store
  bodyLimit: number
}

// message/rfc822 is the registered type of an email; curl and scripts often send the same bytes as text/plain or
// application/octet-stream, so those are read the same way.
const MESSAGE_TYPES = ['message/rfc822', 'text/plain', 'application/octet-stream']

const errors = { '4xx': { $ref: 'Error#' }, 503: { $ref: 'Error#' } }

/** Admin endpoints: http/access.ts guards them as it guards /api/v2/orders (every route not listed as open). */
export async function registerEmailRoutes (app: FastifyInstance, deps: EmailRouteDeps): Promise<void> {
  // Encapsulated: the message parsers apply to these routes only.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser(MESSAGE_TYPES, { parseAs: 'buffer', bodyLimit: deps.bodyLimit }, (_request, body, done) => {
      done(null, body)
    })
    // Without this Fastify's own refusal applied, which says the endpoint takes application/json.
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: deps.bodyLimit }, (request, _body, done) => {
      const type = request.headers['content-type']
      done(new DomainError('UNSUPPORTED_MEDIA_TYPE', `this endpoint takes the whole email as message/rfc822 (or text/plain, application/octet-stream), not ${
        type === undefined || type === '' ? 'a body without Content-Type' : type.split(';')[0]?.trim() ?? type}`))
    })

    scope.post('/api/v2/emails', {
      schema: {
        summary: 'Read one retailer email and apply it to its order',
        description: 'The body is the whole RFC 822 message (an `.eml` file). An email seen before (same Message-ID) ' +
          'changes nothing; one that cannot be read is kept for review.',
        tags: ['emails'],
        consumes: MESSAGE_TYPES,
        response: { 200: emailResultSchema, ...errors }
      }
    }, async (request) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new DomainError('EMPTY_BODY', 'the body must be an RFC 822 message')
      // A gzip-encoded email was stored as its compressed bytes and kept as unreadable.
      const raw = decodeContent(request.body, request.headers['content-encoding'], deps.bodyLimit)
      const notEmail = findNotEmail(raw)
      if (notEmail !== undefined) throw new DomainError('INVALID_PAYLOAD', `the body is ${notEmail}`)
      const messages = splitMbox(raw).length
      if (messages > 1) {
        throw new DomainError('INVALID_PAYLOAD', `the body is an mbox file of ${messages} emails; post one email a request, or read the file with roms email import`)
      }
      return toEmailResultJson(await applyEmail(deps.emails, raw, { via: 'api' }))
    })

    scope.post('/api/v2/emails/:id/rerun', {
      schema: {
        summary: 'Read a kept email again with the current retailer rules, and apply it if it now can be',
        tags: ['emails'],
        params: ID_PARAMS,
        response: { 200: emailResultSchema, ...errors }
      }
    }, async (request) => {
      const { id } = request.params as { id: number }
      return toEmailResultJson(await rerunEmail(deps.emails, id))
    })
  })

  app.get('/api/v2/emails', {
    schema: {
      summary: 'Emails read, newest first; `status=unmatched,failed` lists those kept for review',
      tags: ['emails'],
      querystring: {
        type: 'object',
        properties: {
          limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
          before: { ...ROW_ID, description: 'Only emails with an id below this (the next page)' },
          status: {
            type: 'string',
            pattern: '^(applied|unmatched|failed)(,(applied|unmatched|failed))*$',
            description: 'applied, unmatched or failed; several comma-separated (`unmatched,failed`: those needing review)'
          },
          order_id: ROW_ID
        },
        additionalProperties: false
      },
      response: {
        200: idPageSchema('emails', emailSummarySchema),
        ...errors
      }
    }
  }, async (request) => {
    const q = request.query as { limit: number, before?: number, status?: string, order_id?: number }
    const emails = await listEmails(deps.store.db, { limit: q.limit, before: q.before, statuses: q.status?.split(','), orderId: q.order_id })
    return {
      success: true,
      count: emails.length,
      next_before: emails.length === q.limit ? emails[emails.length - 1]?.id ?? null : null,
      emails: emails.map(toEmailSummaryJson)
    }
  })

  app.get('/api/v2/emails/:id', {
    schema: {
      summary: 'One email: what was read, what came of it, and the message itself',
      tags: ['emails'],
      params: ID_PARAMS,
      response: { 200: { type: 'object', properties: { success: { type: 'boolean' }, email: emailDetailSchema } }, ...errors }
    }
  }, async (request) => {
    const { id } = request.params as { id: number }
    const email = await findEmail(deps.store.db, id)
    if (email === undefined) throw new DomainError('NOT_FOUND', `no email with id ${id}`, { field: 'id' })
    return { success: true, email: toEmailDetailJson(email) }
  })
}
