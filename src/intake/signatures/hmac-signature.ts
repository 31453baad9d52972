import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto'

export type SignatureCheck = 'valid' | 'invalid' | 'missing'

// An HMAC-SHA256 is 32 bytes: 64 hex digits, or 43 base64 characters and one `=`. Anything else cannot match, and the
// length of a signature is no secret, so only signatures of this shape are compared (in constant time, byte by byte).
const HEX_SIGNATURE = /^[0-9a-f]{64}$/i
const BASE64_SIGNATURE = /^[A-Za-z0-9+/]{43}=$/

/**
 * The setup guide's `X-Webhook-Signature`: hex HMAC-SHA256 of the raw body, optionally prefixed `sha256=` (as GitHub
 * and many tools send it). Verified over the bytes as received: re-serialising the JSON would break Python's
 * `json.dumps` spacing and platforms' escaped slashes.
 */
export function checkHexSignature (rawBody: Buffer, header: string | undefined, secrets: readonly string[]): SignatureCheck {
  if (header === undefined || header.trim() === '') return 'missing'
  const given = header.trim().replace(/^sha256=/i, '')
  return HEX_SIGNATURE.test(given) && matchesAny(Buffer.from(given, 'hex'), rawBody, secrets) ? 'valid' : 'invalid'
}

/** Shopify's `X-Shopify-Hmac-Sha256` and WooCommerce's `X-WC-Webhook-Signature`: base64 HMAC-SHA256 of the raw body. */
export function checkBase64Signature (rawBody: Buffer, header: string | undefined, secrets: readonly string[]): SignatureCheck {
  if (header === undefined || header.trim() === '') return 'missing'
  const given = header.trim()
  return BASE64_SIGNATURE.test(given) && matchesAny(Buffer.from(given, 'base64'), rawBody, secrets) ? 'valid' : 'invalid'
}

function matchesAny (given: Buffer, rawBody: Buffer, secrets: readonly string[]): boolean {
  return secrets.some((secret) => timingSafeEqual(given, createHmac('sha256', keyOf(secret)).update(rawBody).digest()))
}

// A key object per secret: made once, not from the string on every delivery.
const keys = new Map<string, KeyObject>()

function keyOf (secret: string): KeyObject {
  let key = keys.get(secret)
  if (key === undefined) {
    key = createSecretKey(Buffer.from(secret, 'utf8'))
    keys.set(secret, key)
  }
  return key
}
