import { isUtf8 } from 'node:buffer'
import busboy from 'busboy'
import { DomainError } from '../domain-error.ts'
import type { ParsedBody } from './delivery.ts'
import { parseJson } from './parse-json.ts'

export type BodyKind = 'json' | 'form' | 'multipart'

const JSON_TYPES = /^(?:application\/(?:[\w.+-]+\+)?json|text\/(?:plain|json))$/

/** The media types the webhook endpoint reads; anything else is answered 415. */
export function bodyKindOf (contentType: string | undefined): BodyKind | undefined {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (type === '' || JSON_TYPES.test(type)) return 'json'
  if (type === 'application/x-www-form-urlencoded') return 'form'
  if (type === 'multipart/form-data') return 'multipart'
  return undefined
}

/**
 * Decodes a body by its content type. JSON arrives as `application/json`, as `text/plain` (some bots), or with no
 * type at all; a form whose text is JSON (curl `-d '{…}'` without a header sends exactly that) is read as JSON too.
 * Multipart is Discord's `payload_json` form; otherwise its flat fields.
 */
export async function readBody (contentType: string | undefined, raw: Buffer): Promise<ParsedBody> {
  const kind = bodyKindOf(contentType)
  if (kind === undefined) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE',
      `content type ${contentType ?? ''} is not supported; send application/json, application/x-www-form-urlencoded or multipart/form-data`)
  }
  if (kind === 'multipart') return await readMultipart(contentType ?? '', raw)
  const charset = kind === 'json' ? bodyCharset(contentType, raw) : charsetOf(contentType)
  const text = decodeText(raw, charset)
  if (text.trim() === '') throw new DomainError('EMPTY_BODY', 'the body is empty; send a JSON object with an order_number')
  if (kind === 'form' && !/^\s*[{[]/.test(text)) return readForm(raw, charset)
  return parseJson(text)
}

/** The text of a JSON or form body, decoded by its declared charset, as `readBody` reads it. */
export function bodyText (contentType: string | undefined, raw: Buffer): string {
  return decodeText(raw, bodyCharset(contentType, raw))
}

/**
 * The declared charset, except that a UTF-16 byte order mark says how the body is encoded whatever the header says:
 * Windows tools (PowerShell's Out-File, Notepad's "Unicode") write UTF-16 with one, and no UTF-8 text begins FF FE.
 */
function bodyCharset (contentType: string | undefined, raw: Buffer): string {
  if (raw[0] === 0xff && raw[1] === 0xfe) return 'utf-16le'
  if (raw[0] === 0xfe && raw[1] === 0xff) return 'utf-16be'
  return charsetOf(contentType)
}

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i

function charsetOf (contentType: string | undefined): string {
  return CHARSET.exec(contentType ?? '')?.[1]?.toLowerCase() ?? 'utf-8'
}

/**
 * The body as text: UTF-8 unless the content type names another charset (an older shop plugin may send
 * `charset=iso-8859-1` or `windows-1252`), read with the WHATWG decoders Node has built in.
 */
function decodeText (raw: Buffer, charset: string): string {
  if (charset === 'utf-8' || charset === 'utf8') {
    if (!isUtf8(raw)) throw new DomainError('INVALID_ENCODING', 'the body is not valid UTF-8')
    // A UTF-8 byte order mark is legal before JSON from some Windows tools.
    return raw.toString('utf8').replace(/^\uFEFF/, '')
  }
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(charset, { fatal: true })
  } catch (error) {
    throw new DomainError('UNSUPPORTED_CHARSET', `charset ${charset.slice(0, 40)} is not supported; send UTF-8`, { cause: error })
  }
  try {
    return decoder.decode(raw)
  } catch (error) {
    throw new DomainError('INVALID_ENCODING', `the body is not valid ${charset}`, { cause: error })
  }
}

/**
 * A urlencoded form. Its `%XX` escapes are bytes in the body's charset (a shop plugin declaring iso-8859-1 sends é as
 * `%E9`): each name and value is unescaped to bytes and decoded like the body. URLSearchParams would take them as
 * UTF-8 and turn what is not into U+FFFD, merging `Z%E9` and `Z%E8` into one order number.
 */
function readForm (raw: Buffer, charset: string): Record<string, string> {
  const fields: Record<string, string> = {}
  let count = 0
  for (const pair of splitBytes(raw, AMPERSAND)) {
    if (pair.length === 0) continue
    if (++count > MAX_FORM_FIELDS) throw tooManyFields('form')
    const equals = pair.indexOf(EQUALS)
    const key = decodeText(unescapeForm(equals < 0 ? pair : pair.subarray(0, equals)), charset)
    const value = equals < 0 ? '' : decodeText(unescapeForm(pair.subarray(equals + 1)), charset)
    Object.defineProperty(fields, key, { value, enumerable: true, writable: true, configurable: true })
  }
  return fields
}

const AMPERSAND = 0x26
const EQUALS = 0x3d
const PLUS = 0x2b
const PERCENT = 0x25

function splitBytes (bytes: Buffer, separator: number): Buffer[] {
  const parts: Buffer[] = []
  let start = 0
  for (let at = bytes.indexOf(separator); at >= 0; at = bytes.indexOf(separator, start)) {
    parts.push(bytes.subarray(start, at))
    start = at + 1
  }
  parts.push(bytes.subarray(start))
  return parts
}

/** `+` as a space and `%XX` as its byte; a `%` not followed by two hex digits stays as written, as browsers do. */
function unescapeForm (part: Buffer): Buffer {
  if (!part.includes(PERCENT) && !part.includes(PLUS)) return part
  const out = Buffer.alloc(part.length)
  let length = 0
  for (let i = 0; i < part.length; i++) {
    const byte = part[i] ?? 0
    const hex = byte === PERCENT ? part.subarray(i + 1, i + 3).toString('latin1') : ''
    if (hex.length === 2 && /^[0-9a-f]{2}$/i.test(hex)) {
      out[length++] = Number.parseInt(hex, 16)
      i += 2
    } else {
      out[length++] = byte === PLUS ? 0x20 : byte
    }
  }
  return out.subarray(0, length)
}

/**
 * Fields a form may have: thousands of unknown ones are kept, but each costs the request thread some microseconds on
 * its way to the order's extra (a 1 MiB form of 100,000 fields held every other request up for two seconds).
 */
const MAX_FORM_FIELDS = 10_000

function tooManyFields (kind: string): DomainError {
  return new DomainError('BODY_TOO_LARGE', `the ${kind} has more than ${MAX_FORM_FIELDS.toLocaleString('en-US')} fields`)
}

async function readMultipart (contentType: string, raw: Buffer): Promise<ParsedBody> {
  const fields: Record<string, string> = {}
  await new Promise<void>((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({ headers: { 'content-type': contentType }, limits: { fields: MAX_FORM_FIELDS, fieldSize: raw.length } })
    } catch (error) {
      reject(new DomainError('INVALID_MULTIPART', `the multipart body cannot be read: ${(error as Error).message}`, { cause: error }))
      return
    }
    parser.on('field', (name, value) => {
      Object.defineProperty(fields, name, { value, enumerable: true, writable: true, configurable: true })
    })
    // Past the limit busboy drops the rest in silence, and an order_number among them would be reported missing.
    parser.on('fieldsLimit', () => reject(tooManyFields('multipart form')))
    // Attachments (bots send screenshots) carry no order data.
    parser.on('file', (_name, stream) => stream.resume())
    parser.on('error', (error: Error) => reject(new DomainError('INVALID_MULTIPART', `the multipart body cannot be read: ${error.message}`, { cause: error })))
    parser.on('close', () => resolve())
    parser.end(raw)
  })
  const payloadJson = fields.payload_json
  if (payloadJson !== undefined) return parseJson(payloadJson)
  if (Object.keys(fields).length === 0) throw new DomainError('EMPTY_BODY', 'the multipart body has no fields')
  return fields
}
