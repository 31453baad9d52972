import type { SignatureScheme } from './authenticate.ts'

const MAX_KEY_LENGTH = 200

/**
 * The sender's id for this delivery, the same on every retry: Shopify's event id, WooCommerce's delivery id, Standard
 * Webhooks' message id, or a generic `Idempotency-Key`. Prefixed by scheme so that ids of two senders never collide.
 */
export function deliveryKeyOf (headers: Record<string, string | undefined>, scheme: SignatureScheme): string | undefined {
  const candidates: Array<[string, string | undefined]> = [
    ['shopify', headers['x-shopify-event-id']],
    ['woocommerce', headers['x-wc-webhook-delivery-id']],
    ['standard-webhooks', headers['webhook-id']],
    ['key', headers['idempotency-key']]
  ]
  for (const [prefix, value] of candidates) {
    if (value === undefined || value.trim() === '') continue
    if (prefix !== 'key' && prefix !== scheme) continue
    return `${prefix}:${value.trim().slice(0, MAX_KEY_LENGTH)}`
  }
  return undefined
}
