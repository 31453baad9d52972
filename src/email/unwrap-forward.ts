import { parseAddress, type Address } from './parse-address.ts'
import { parseQuotedDate } from './parse-quoted-date.ts'

// Fwd/FW (English), TR (French), WG (German), RV (Spanish), I/Inoltro (Italian), Doorst (Dutch), ENC (Portuguese),
// 転送 (Japanese).
const FORWARD_PREFIX = /^\s*(?:(?:fwd?|fw|tr|wg|rv|i|inoltro|doorst|enc|転送)\s*[:：]\s*)+/iu
// Gmail's, Outlook's and Apple Mail's markers, in English, German, French, Spanish, Italian, Dutch, Portuguese and
// Japanese.
const MARKER = new RegExp([
  String.raw`^-{2,}\s*(?:forwarded message|original message|weitergeleitete nachricht|ursprüngliche nachricht|message transféré|message d'origine|mensaje reenviado|mensaje original|messaggio inoltrato|messaggio originale|doorgestuurd bericht|oorspronkelijk bericht|mensagem encaminhada|mensagem original|転送されたメッセージ|元のメッセージ)\s*-{2,}$`,
  String.raw`^(?:begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié|inicio del mensaje reenviado|inizio messaggio inoltrato|begin doorgestuurd bericht|início da mensagem reencaminhada|転送されたメッセージ)\s*[:：]$`
].join('|'), 'iu')
const HEADER = /^\*?(from|sent|date|to|cc|subject|von|gesendet|datum|an|betreff|de|envoyé|à|objet|enviado|enviada|fecha|para|asunto|da|inviato|data|a|oggetto|van|verzonden|aan|onderwerp|assunto|差出人|送信者|送信日時|日付|宛先|件名)\s*[:：]\*?\s*(.*)$/iu
// The quoted headers' labels in German, French, Spanish, Italian, Dutch, Portuguese and Japanese, as the English ones.
// "De" (from) is French, Spanish and Portuguese; "Data" (date) Italian and Portuguese.
const LABELS: Record<string, string> = {
  von: 'from',
  de: 'from',
  差出人: 'from',
  送信者: 'from',
  gesendet: 'sent',
  envoyé: 'sent',
  送信日時: 'sent',
  datum: 'date',
  日付: 'date',
  an: 'to',
  à: 'to',
  宛先: 'to',
  betreff: 'subject',
  objet: 'subject',
  件名: 'subject',
  enviado: 'sent',
  enviada: 'sent',
  inviato: 'sent',
  verzonden: 'sent',
  fecha: 'date',
  data: 'date',
  para: 'to',
  a: 'to',
  aan: 'to',
  asunto: 'subject',
  oggetto: 'subject',
  onderwerp: 'subject',
  assunto: 'subject',
  da: 'from',
  van: 'from'
}
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
    if (labelOf(first?.[1]) !== 'from') continue
    const headers = new Map<string, string>()
    let end = i
    // An HTML forward (Apple Mail's <div> per header) reads as headers with blank lines between them.
    for (let j = i, read = 0; j < lines.length && read < HEADER_LINES; j++) {
      const line = lines[j]?.trim() ?? ''
      if (line === '') continue
      const header = HEADER.exec(line)
      if (header === null) break
      headers.set(labelOf(header[1]), header[2] ?? '')
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

function labelOf (label: string | undefined): string {
  const lower = label?.toLowerCase() ?? ''
  return LABELS[lower] ?? lower
}
