import { isUtf8 } from 'node:buffer'

export type RawEncoding = 'utf8' | 'base64'

/** Text when the bytes are UTF-8 without NUL (PostgreSQL text refuses NUL), else base64: the bytes are kept either way. */
export function encodeRaw (bytes: Buffer): { text: string, encoding: RawEncoding } {
  if (isUtf8(bytes) && !bytes.includes(0)) return { text: bytes.toString('utf8'), encoding: 'utf8' }
  return { text: bytes.toString('base64'), encoding: 'base64' }
}

export function decodeRaw (text: string, encoding: string): Buffer {
  return Buffer.from(text, encoding === 'base64' ? 'base64' : 'utf8')
}
