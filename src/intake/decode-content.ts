import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib'
import { DomainError } from '../domain-error.ts'

/**
 * Undoes `Content-Encoding`. The output is capped at the body limit, so a small gzip bomb is refused (413) before it
 * can grow in memory.
 */
export function decodeContent (raw: Buffer, encoding: string | undefined, limit: number): Buffer {
  if (isIdentityEncoding(encoding)) return raw
  const name = (encoding ?? '').trim().toLowerCase()
  const options = { maxOutputLength: limit }
  try {
    if (name === 'gzip' || name === 'x-gzip') return gunzipSync(raw, options)
    if (name === 'deflate') return hasZlibHeader(raw) ? inflateSync(raw, options) : inflateRawSync(raw, options)
    if (name === 'br') return brotliDecompressSync(raw, options)
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new DomainError('BODY_TOO_LARGE', `the ${name} body is larger than ${limit} bytes once decompressed`, { cause: error })
    }
    throw new DomainError('INVALID_PAYLOAD', `the body is not valid ${name} data`, { cause: error })
  }
  throw new DomainError('UNSUPPORTED_ENCODING', `content encoding ${name} is not supported; send gzip, deflate, br or none`)
}

/** No `Content-Encoding`, or `identity`: the body is as sent. */
export function isIdentityEncoding (encoding: string | undefined): boolean {
  const name = (encoding ?? '').trim().toLowerCase()
  return name === '' || name === 'identity'
}

/**
 * RFC 9110's `deflate` is zlib-wrapped (RFC 1950), but PHP's gzdeflate(), .NET's DeflateStream and others send the raw
 * stream (RFC 1951), and browsers read both; a zlib stream starts with a method byte of 8 and a header check that makes
 * the first two bytes a multiple of 31.
 */
function hasZlibHeader (raw: Buffer): boolean {
  const [cmf, flg] = raw
  return cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 === 0
}
