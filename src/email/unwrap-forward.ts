import { parseAddress, type Address } from './parse-address.ts'

const FORWARD_PREFIX = /^\s*(?:(?:fwd?|fw|tr|wg)\s*:\s*)+/i
const MARKER = /^-{2,}\s*(?:forwarded message|original message)\s*-{2,}$|^begin forwarded message:$/i
const HEADER = /^\*?(from|sent|date|to|cc|subject)\s*:\*?\s*(.*)$/i
const HEADER_LINES = 8
// Apple Mail and other clients quote a forward with "> " on every line, nested forwards with "> > ".
const QUOTE = /^(?:[ \t]*>)+ ?/
const MAX_DEPTH = 5

export interface Envelope {
  from: Address | null
  to: Address | null
  subject: string
  /** ISO 8601 UTC, when the quoted date could be read. */
  date: string | null
  body: string
}

/**
 * Reads through forwards to the original message: Gmail's "---------- Forwarded message ---------" block, Outlook's
 * "From: / Sent: / To: / Subject:" block, Apple Mail's "Begin forwarded message:". Nested forwards are unwrapped
 * to the innermost. A forward without quoted headers keeps its sender and loses only the subject prefix, and has no
 * recipient: the To of a forward is the mailbox it was forwarded to, never the customer.
 */
export function unwrapForward (outer: Envelope): Envelope & { isForwarded: boolean } {
  let current = outer
  let isForwarded = FORWARD_PREFIX.test(outer.subject)
  let isUnwrapped = false
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const inner = readQuotedHeaders(current.body)
    if (inner === undefined || (!isForwarded && !inner.hasMarker)) break
    isForwarded = true
    isUnwrapped = true
    current = { from: inner.from ?? current.from, to: inner.to ?? null, subject: inner.subject, date: inner.date ?? current.date, body: inner.body }
  }
  const to = isForwarded && !isUnwrapped ? null : current.to
  return { ...current, to, subject: current.subject.replace(FORWARD_PREFIX, '').trim(), isForwarded }
}

function readQuotedHeaders (body: string): (Omit<Envelope, 'from' | 'to'> & { from?: Address, to?: Address, hasMarker: boolean }) | undefined {
  const lines = body.split('\n').map((line) => line.replace(QUOTE, ''))
  for (let i = 0; i < lines.length; i++) {
    const first = HEADER.exec(lines[i]?.trim() ?? '')
    if (first?.[1]?.toLowerCase() !== 'from') continue
    const headers = new Map<string, string>()
    let end = i
    // An HTML forward (Apple Mail's <div> per header) reads as headers with blank lines between them.
    for (let j = i, read = 0; j < lines.length && read < HEADER_LINES; j++) {
      const line = lines[j]?.trim() ?? ''
      if (line === '') continue
      const header = HEADER.exec(line)
      if (header === null) break
      headers.set(header[1]?.toLowerCase() ?? '', header[2] ?? '')
      end = j
      read++
    }
    const subject = headers.get('subject')
    if (subject === undefined) continue
    const hasMarker = lines.slice(Math.max(0, i - 3), i).some(line => MARKER.test(line.trim()))
    return {
      from: parseAddress(headers.get('from') ?? ''),
      to: parseAddress(headers.get('to') ?? ''),
      subject,
      date: parseQuotedDate(headers.get('date') ?? headers.get('sent') ?? ''),
      body: lines.slice(end + 1).join('\n'),
      hasMarker
    }
  }
  return undefined
}

/**
 * Gmail writes "Mon, Mar 3, 2025 at 10:15 AM" and Outlook "Monday, March 3, 2025 10:15 AM", without a zone: read as
 * UTC. Apple Mail adds a US zone name ("at 9:00:00 AM EST"), which Date.parse knows.
 */
function parseQuotedDate (text: string): string | null {
  const cleaned = text.replace(/\s+at\s+/i, ' ').trim()
  if (cleaned === '') return null
  const hasZone = /(?:[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|Z|[ECMP][SD]T))\s*(?:\([^)]*\))?$/i.test(cleaned)
  const time = Date.parse(hasZone ? cleaned : `${cleaned} UTC`)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}
