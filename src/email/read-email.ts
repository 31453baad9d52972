import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser'
import { buildPatch } from './build-patch.ts'
import { classifyEmail } from './classify-email.ts'
import type { EmailReading } from './email-reading.ts'
import { findCancelledItems } from './find-cancelled-items.ts'
import { findItems } from './find-items.ts'
import { findLinks, withoutUrls } from './find-links.ts'
import { findNotOrderSubject } from './find-not-order-subject.ts'
import { findOrderNumber } from './find-order-number.ts'
import { findTotal } from './find-total.ts'
import { findTrackings } from './find-trackings.ts'
import { fingerprintText } from './fingerprint-text.ts'
import { htmlToText } from './html-to-text.ts'
import { matchRetailer } from './match-retailer.ts'
import type { Address } from './parse-address.ts'
import type { RetailerRule } from './retailers/index.ts'
import { unwrapForward } from './unwrap-forward.ts'

/**
 * Reads one retailer email (the raw RFC 822 bytes) into what it says about one order. Pure: no database, no
 * network. An email that cannot be matched still yields a reading whose `problems` say why, so it can be kept for
 * review and read again after a rule is added. `rules` replaces the built-in retailer list (tests add one).
 */
export async function readEmail (raw: Buffer, options: { rules?: readonly RetailerRule[], depth?: number } = {}): Promise<EmailReading> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true })
  const reading = readMail(mail, options)
  // "Forward as attachment" (Outlook, Gmail, Apple Mail) sends the original retailer email whole, as a message/rfc822
  // part, under a body of its own ("see attached"). The original is read when the wrapper cannot be; its Message-ID
  // is the original's, so the original and any forward of it are one email.
  const attached = mail.attachments.find((attachment) => attachment.contentType.toLowerCase() === 'message/rfc822')
  if (reading.problems.length === 0 || attached === undefined || options.depth === MAX_ATTACHED_DEPTH) return reading
  const original = await readEmail(attached.content, { ...options, depth: (options.depth ?? 0) + 1 })
  if (original.problems.length >= reading.problems.length) return reading
  return { ...original, messageId: original.messageId ?? reading.messageId }
}

// A forward of a forward as attachments nests; three levels is more than any mail client produces by hand.
const MAX_ATTACHED_DEPTH = 3

function readMail (mail: ParsedMail, options: { rules?: readonly RetailerRule[] }): EmailReading {
  const html = typeof mail.html === 'string' ? mail.html : null
  // The HTML part is what the reader of the email saw; retailers' text parts are often stale or empty.
  const text = html !== null ? htmlToText(html) : (mail.text ?? '')
  const envelope = unwrapForward({
    from: firstAddress(mail.from),
    to: firstAddress(mail.to),
    subject: mail.subject ?? '',
    date: mail.date === undefined || Number.isNaN(mail.date.getTime()) ? null : mail.date.toISOString(),
    body: text
  })
  const { rule, store } = matchRetailer(envelope.from?.address ?? null, envelope.from?.name ?? null, options.rules)
  const body = withoutUrls(envelope.body)
  const notOrder = findNotOrderSubject(envelope.subject)
  const kind = notOrder === undefined ? classifyEmail(rule, envelope.subject, body) : 'unknown'
  const reading: EmailReading = {
    messageId: mail.messageId ?? null,
    from: envelope.from?.address ?? null,
    subject: envelope.subject,
    date: envelope.date,
    retailer: rule.id,
    kind,
    textFingerprint: fingerprintText(body),
    problems: []
  }
  if (notOrder !== undefined) reading.problems.push(`the subject reads as ${notOrder}, not news of an order`)
  else if (kind === 'unknown') reading.problems.push('the subject and body match no known kind of order email')
  const orderNumber = findOrderNumber(rule, envelope.subject, body)
  if (orderNumber === undefined) {
    reading.problems.push('no order number found')
    return reading
  }
  const items = findItems(body, rule.items)
  reading.patch = buildPatch({
    kind,
    retailer: rule.id,
    orderNumber,
    store,
    recipient: envelope.to?.address ?? null,
    subject: envelope.subject,
    messageId: reading.messageId,
    date: envelope.date,
    items,
    total: findTotal(body),
    trackings: findTrackings(body, findLinks(html, envelope.body), orderNumber)
  })
  if (kind === 'partial-cancellation') {
    reading.cancelledItems = findCancelledItems(body)
    if (reading.cancelledItems.length === 0) reading.problems.push('partial cancellation without a readable cancelled item')
  }
  return reading
}

function firstAddress (field: AddressObject | AddressObject[] | undefined): Address | null {
  const value = (Array.isArray(field) ? field[0] : field)?.value[0]
  if (value?.address === undefined || value.address === '') return null
  return { address: value.address.toLowerCase(), name: value.name }
}
