import { createHash } from 'node:crypto'
import type { SignatureScheme } from './authenticate.ts'
import { standardWebhookHeaders } from './signatures/standard-webhooks-headers.ts'

const MAX_KEY_LENGTH = 200
/** 128 bits of the body's SHA-256. */
const DIGEST_LENGTH = 22

/**
 * The sender's id for this delivery, the same on every retry: Shopify's event id, WooCommerce's delivery id, Standard
 * Webhooks' message id, or a generic `Idempotency-Key`. Prefixed by scheme so that ids of two senders never collide,
 * and joined with a digest of the body: a retry repeats its bytes, while two deliveries that share an id are two
 * deliveries. WooCommerce makes its delivery id from the webhook and the current second, so every order one webhook
 * sends within a second carries the same id; a script may reuse its key for another order.
 */
export function deliveryKeyOf (headers: Record<string, string | undefined>, scheme: SignatureScheme, body: Buffer): string | undefined {
  const candidates: Array<[string, string | undefined]> = [
    ['shopify', headers['x-shopify-event-id']],
    ['woocommerce', headers['x-wc-webhook-delivery-id']],
    ['standard-webhooks', standardWebhookHeaders(headers).id],
    ['key', headers['idempotency-key']]
  ]
  for (const [prefix, value] of candidates) {
    if (value === undefined || value.trim() === '') continue
    if (prefix !== 'key' && prefix !== scheme) continue
    const digest = createHash('sha256').update(body).digest('base64url').slice(0, DIGEST_LENGTH)
    return `${prefix}:${digest}:${value.trim().slice(0, MAX_KEY_LENGTH)}`
  }
  return undefined
}
