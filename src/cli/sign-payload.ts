import { createHmac, randomUUID } from 'node:crypto'
import type { SecretLists } from '../config.ts'

export const SIGN_SCHEMES = ['roms', 'shopify', 'woocommerce', 'standard'] as const
export type SignScheme = typeof SIGN_SCHEMES[number]

/** Which configured secret a scheme signs with, and its variable's name for messages. */
export const SCHEME_SECRETS: Record<SignScheme, { list: keyof SecretLists, variable: string }> = {
  roms: { list: 'webhook', variable: 'WEBHOOK_SECRET' },
  shopify: { list: 'shopify', variable: 'SHOPIFY_WEBHOOK_SECRET' },
  woocommerce: { list: 'woocommerce', variable: 'WOOCOMMERCE_WEBHOOK_SECRET' },
  standard: { list: 'standardWebhooks', variable: 'STANDARD_WEBHOOKS_SECRET' }
}

export interface SignOptions {
  /** Standard Webhooks only: the message id (default a new `msg_…`) and Unix time in seconds (default now). */
  id?: string | undefined
  timestamp?: number | undefined
}

/**
 * The headers a sender of these exact bytes must send, as each platform documents them: hex HMAC-SHA256 for the
 * setup guide's X-Webhook-Signature; base64 for Shopify and WooCommerce; for Standard Webhooks, `v1,` and the base64
 * HMAC of `id.timestamp.body` keyed with the decoded `whsec_` secret.
 */
export function signPayload (scheme: SignScheme, secret: string, body: Buffer, options: SignOptions = {}): Record<string, string> {
  switch (scheme) {
    case 'roms': return { 'X-Webhook-Signature': hmac(secret, body).toString('hex') }
    case 'shopify': return { 'X-Shopify-Hmac-Sha256': hmac(secret, body).toString('base64') }
    case 'woocommerce': return { 'X-WC-Webhook-Signature': hmac(secret, body).toString('base64') }
    case 'standard': {
      const id = options.id ?? `msg_${randomUUID().replaceAll('-', '')}`
      const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000))
      const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
      const signature = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64')
      return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` }
    }
  }
}

function hmac (secret: string, body: Buffer): Buffer {
  return createHmac('sha256', secret).update(body).digest()
}
