import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'
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
    if (name === 'deflate') return inflateSync(raw, options)
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
