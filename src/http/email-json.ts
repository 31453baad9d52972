import type { EmailResult } from '../email/apply-email.ts'
import type { StoredEmail } from '../store/email-message-repository.ts'

const nullableString = { type: ['string', 'null'] }
const nullableInteger = { type: ['integer', 'null'] }

export const emailResultSchema = {
  type: 'object',
  description: '`status` is applied, unmatched (kept for review with its problems), failed or duplicate (seen before)',
  properties: {
    success: { type: 'boolean' },
    email_id: { type: 'integer' },
    status: { type: 'string', enum: ['applied', 'unmatched', 'failed', 'duplicate'] },
    kind: nullableString,
    retailer: nullableString,
    order_id: nullableInteger,
    order_number: nullableString,
    action: { type: 'string', enum: ['created', 'updated', 'unchanged', 'stale'] },
    problems: { type: 'array', items: { type: 'string' } }
  }
}

const summaryProperties = {
  id: { type: 'integer' },
  message_id: { type: 'string' },
  via: { type: 'string' },
  mailbox: nullableString,
  uid: nullableInteger,
  received_at: { type: 'string' },
  sent_at: nullableString,
  sender: nullableString,
  subject: nullableString,
  retailer: nullableString,
  kind: nullableString,
  order_number: nullableString,
  order_id: nullableInteger,
  status: { type: 'string' },
  problems: { type: 'array', items: { type: 'string' } },
  updated_at: { type: 'string' }
}

export const emailSummarySchema = { type: 'object', properties: summaryProperties }

export const emailDetailSchema = {
  type: 'object',
  properties: {
    ...summaryProperties,
    raw: { type: 'string', description: 'The message as received: RFC 822 text, or base64 when it is not UTF-8' },
    raw_encoding: { type: 'string', enum: ['utf8', 'base64'] }
  }
}

export function toEmailResultJson (result: EmailResult): Record<string, unknown> {
  return {
    success: true,
    email_id: result.emailId,
    status: result.status,
    kind: result.kind,
    retailer: result.retailer,
    order_id: result.orderId,
    order_number: result.orderNumber,
    ...(result.action === undefined ? {} : { action: result.action }),
    problems: result.problems
  }
}

export function toEmailSummaryJson (email: StoredEmail): Record<string, unknown> {
  return {
    id: email.id,
    message_id: email.messageId,
    via: email.via,
    mailbox: email.mailbox,
    uid: email.uid,
    received_at: email.receivedAt,
    sent_at: email.sentAt,
    sender: email.sender,
    subject: email.subject,
    retailer: email.retailer,
    kind: email.kind,
    order_number: email.orderNumber,
    order_id: email.orderId,
    status: email.status,
    problems: email.problems,
    updated_at: email.updatedAt
  }
}

export function toEmailDetailJson (email: StoredEmail): Record<string, unknown> {
  return { ...toEmailSummaryJson(email), raw: email.rawText, raw_encoding: email.rawEncoding }
}
