import { isUtf8 } from 'node:buffer'
import { stringify as stringifyLossless } from 'lossless-json'
import { decodeContent, isIdentityEncoding } from './decode-content.ts'
import { bodyKindOf, readBody } from './read-body.ts'
import { redactJsonText, redactLoginText, scrubLogins } from './redact-logins.ts'

/** The parts of a delivery record that say what its body was. */
export interface RecordedBody {
  rawBody: Buffer
  headers: Record<string, string>
  contentType: string | null
}

/**
 * The body a delivery record keeps, without the passwords of the "email:password" logins it carries: every other byte
 * as sent, so the record still shows what arrived and replays to the same order. A compressed body is kept
 * decompressed (the compressed bytes would hold the password). When the passwords cannot be taken out in place (a
 * charset other than UTF-8, a multipart body with a file, an escape the scan misses) and the body was read, the record
 * keeps the body as read, as JSON: a replay reads it the same way.
 *
 * `read` is the body as the pipeline read it, passwords already redacted; without it (the body could not be read) the
 * redaction is done as well as the text allows.
 */
export async function redactRecordedBody (recorded: RecordedBody, read: { body: unknown } | undefined, bodyLimit: number): Promise<RecordedBody> {
  const { headers, contentType } = recorded
  const encoding = headers['content-encoding']
  let decoded: Buffer
  try {
    decoded = decodeContent(recorded.rawBody, encoding, bodyLimit)
  } catch {
    return recorded
  }
  if (!mayHoldLogin(decoded)) return recorded
  const plainHeaders = isIdentityEncoding(encoding) ? headers : withoutHeader(headers, 'content-encoding')
  const redacted = isUtf8(decoded) ? Buffer.from(redactText(decoded.toString('utf8'), contentType ?? undefined), 'utf8') : decoded
  if (read === undefined || (!redacted.equals(decoded) && await readsWithoutLogin(redacted, contentType))) {
    return { rawBody: redacted, headers: sized(plainHeaders, redacted), contentType }
  }
  const json = Buffer.from(stringifyLossless(read.body) ?? '', 'utf8')
  return { rawBody: json, headers: sized({ ...plainHeaders, 'content-type': 'application/json' }, json), contentType: 'application/json' }
}

/** The headers with a `content-length` that matches the body kept. */
function sized (headers: Record<string, string>, body: Buffer): Record<string, string> {
  return headers['content-length'] === undefined ? headers : { ...headers, 'content-length': String(body.length) }
}

function mayHoldLogin (body: Buffer): boolean {
  return body.includes('@') || body.includes('%40') || body.includes('\\u0040')
}

function redactText (text: string, contentType: string | undefined): string {
  if (bodyKindOf(contentType) === 'form' && !/^\s*[{[]/.test(text)) return redactForm(text)
  return redactMixedText(text)
}

// JSON string literals and the text between them: a JSON body's logins are inside literals; a multipart body's flat
// fields, and a body that is not valid JSON, may hold them outside.
const LITERAL = /"(?:[^"\\]|\\.)*"/g

function redactMixedText (text: string): string {
  let out = ''
  let last = 0
  for (const match of text.matchAll(LITERAL)) {
    out += redactLoginText(text.slice(last, match.index)) + redactJsonText(match[0])
    last = match.index + match[0].length
  }
  return out + redactLoginText(text.slice(last))
}

/** A urlencoded form: each value whose text holds a login is encoded again without its password. */
function redactForm (text: string): string {
  return text.split('&').map((pair) => {
    const equals = pair.indexOf('=')
    if (equals < 0) return pair
    let value: string
    try {
      value = decodeURIComponent(pair.slice(equals + 1).replaceAll('+', ' '))
    } catch {
      return pair
    }
    const clean = redactMixedText(value)
    return clean === value ? pair : `${pair.slice(0, equals + 1)}${encodeURIComponent(clean)}`
  }).join('&')
}

async function readsWithoutLogin (body: Buffer, contentType: string | null): Promise<boolean> {
  try {
    return !scrubLogins(await readBody(contentType ?? undefined, body)).found
  } catch {
    return false
  }
}

function withoutHeader (headers: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name))
}
