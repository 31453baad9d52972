import { createHmac } from 'node:crypto'
import { isSameSecret } from './compare-secret.ts'

export type SignatureCheck = 'valid' | 'invalid' | 'missing'

/**
 * The setup guide's `X-Webhook-Signature`: hex HMAC-SHA256 of the raw body, optionally prefixed `sha256=` (as GitHub
 * and many tools send it). Verified over the bytes as received: re-serialising the JSON would break Python's
 * `json.dumps` spacing and platforms' escaped slashes.
 */
export function checkHexSignature (rawBody: Buffer, header: string | undefined, secrets: readonly string[]): SignatureCheck {
  if (header === undefined || header.trim() === '') return 'missing'
  const given = header.trim().replace(/^sha256=/i, '').toLowerCase()
  return secrets.some((secret) => isSameSecret(given, hmac(secret, rawBody).toString('hex'))) ? 'valid' : 'invalid'
}

/** Shopify's `X-Shopify-Hmac-Sha256` and WooCommerce's `X-WC-Webhook-Signature`: base64 HMAC-SHA256 of the raw body. */
export function checkBase64Signature (rawBody: Buffer, header: string | undefined, secrets: readonly string[]): SignatureCheck {
  if (header === undefined || header.trim() === '') return 'missing'
  const given = header.trim()
  return secrets.some((secret) => isSameSecret(given, hmac(secret, rawBody).toString('base64'))) ? 'valid' : 'invalid'
}

function hmac (secret: string, body: Buffer): Buffer {
  return createHmac('sha256', secret).update(body).digest()
}
