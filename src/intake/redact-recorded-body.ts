import { isUtf8 } from 'node:buffer'
import { isDeepStrictEqual } from 'node:util'
import { stringify as stringifyLossless } from 'lossless-json'
import { decodeContent, isIdentityEncoding } from './decode-content.ts'
import { bodyKindOf, readBody } from './read-body.ts'
import { REDACTED } from './redact.ts'
import { redactJsonText, redactSecretText } from './redact-secrets.ts'

/** The parts of a delivery record that say what its body was. */
export interface RecordedBody {
  rawBody: Buffer
  headers: Record<string, string>
  contentType: string | null
}

/** The body as the pipeline read it, its secrets already redacted (`scrubSecrets`), and the values it took out whole. */
export interface ScrubbedBody {
  body: unknown
  values: ReadonlySet<string>
}

/**
 * The body a delivery record keeps, without the secrets it carries (a login's password, a `Password` field): every
 * other byte as sent, so the record still shows what arrived and replays to the same order. A compressed body is kept
 * decompressed (the compressed bytes would hold the secret). The result is read again and must give exactly the
 * scrubbed body; when it does not (a charset other than UTF-8, a multipart body with a file, a password that is also
 * another field's value), the record keeps the scrubbed body as JSON: a replay reads it the same way.
 *
 * Without `read` (the body could not be read: a wrong signature, JSON that does not parse) the redaction is done as
 * well as the text allows.
 */
export async function redactRecordedBody (recorded: RecordedBody, read: ScrubbedBody | undefined, bodyLimit: number): Promise<RecordedBody> {
  const { headers, contentType } = recorded
  const encoding = headers['content-encoding']
  let decoded: Buffer
  try {
    decoded = decodeContent(recorded.rawBody, encoding, bodyLimit)
  } catch {
    return recorded
  }
  if (read === undefined && !mayHoldSecret(decoded)) return recorded
  const plainHeaders = isIdentityEncoding(encoding) ? headers : withoutHeader(headers, 'content-encoding')
  const values = read?.values ?? new Set<string>()
  const redacted = isUtf8(decoded) ? Buffer.from(redactText(decoded.toString('utf8'), contentType ?? undefined, values), 'utf8') : decoded
  if (read === undefined || (!redacted.equals(decoded) && await readsAs(redacted, contentType, read.body))) {
    return { rawBody: redacted, headers: sized(plainHeaders, redacted), contentType }
  }
  const json = Buffer.from(stringifyLossless(read.body) ?? '', 'utf8')
  return { rawBody: json, headers: sized({ ...plainHeaders, 'content-type': 'application/json' }, json), contentType: 'application/json' }
}

/** The headers with a `content-length` that matches the body kept. */
function sized (headers: Record<string, string>, body: Buffer): Record<string, string> {
  return headers['content-length'] === undefined ? headers : { ...headers, 'content-length': String(body.length) }
}

/** Cheap look before the work: a login has an `@`, a secret field a name like "password". */
function mayHoldSecret (body: Buffer): boolean {
  return body.includes('@') || body.includes('%40') || /pass|pwd|cvv|cvc|cvn|security/i.test(body.toString('latin1'))
}

function redactText (text: string, contentType: string | undefined, values: ReadonlySet<string>): string {
  if (bodyKindOf(contentType) === 'form' && !/^\s*[{[]/.test(text)) return redactForm(text, values)
  return redactMixedText(text, values)
}

// JSON string literals and the text between them: a JSON body's logins are inside literals; a multipart body's flat
// fields, and a body that is not valid JSON, may hold them outside.
const LITERAL = /"(?:[^"\\]|\\.)*"/g

function redactMixedText (text: string, values: ReadonlySet<string>): string {
  let out = ''
  let last = 0
  for (const match of text.matchAll(LITERAL)) {
    out += redactSecretText(text.slice(last, match.index)) + redactJsonText(match[0], values)
    last = match.index + match[0].length
  }
  return out + redactSecretText(text.slice(last))
}

/** A urlencoded form: each value that holds a secret, or is one, is encoded again without it. */
function redactForm (text: string, values: ReadonlySet<string>): string {
  return text.split('&').map((pair) => {
    const equals = pair.indexOf('=')
    if (equals < 0) return pair
    let value: string
    try {
      value = decodeURIComponent(pair.slice(equals + 1).replaceAll('+', ' '))
    } catch {
      return pair
    }
    const clean = values.has(value) ? REDACTED : redactMixedText(value, values)
    return clean === value ? pair : `${pair.slice(0, equals + 1)}${encodeURIComponent(clean)}`
  }).join('&')
}

async function readsAs (body: Buffer, contentType: string | null, expected: unknown): Promise<boolean> {
  try {
    return isDeepStrictEqual(await readBody(contentType ?? undefined, body), expected)
  } catch {
    return false
  }
}

function withoutHeader (headers: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name))
}
