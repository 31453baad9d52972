import type { SecretLists } from '../config.ts'
import { DomainError } from '../domain-error.ts'
import { isSameSecret } from './signatures/compare-secret.ts'
import { checkBase64Signature, checkHexSignature, type SignatureCheck } from './signatures/hmac-signature.ts'
import { standardWebhookHeaders } from './signatures/standard-webhooks-headers.ts'
import { checkStandardSignature } from './signatures/standard-webhooks-signature.ts'

export type SignatureScheme = 'roms' | 'shopify' | 'woocommerce' | 'standard-webhooks'

export interface AuthInput {
  headers: Record<string, string | undefined>
  rawBody: Buffer
  urlToken?: string | undefined
  now: Date
}

/** How a delivery proved who sent it, kept in the log. */
export type AuthResult = 'signature' | 'url-token' | 'not-required'

/** The scheme is told by headers alone, so a delivery is authenticated before its body is parsed. */
export function schemeOf (headers: Record<string, string | undefined>): SignatureScheme {
  if (headers['x-shopify-hmac-sha256'] !== undefined || headers['x-shopify-topic'] !== undefined) return 'shopify'
  if (headers['x-wc-webhook-signature'] !== undefined || headers['x-wc-webhook-topic'] !== undefined) return 'woocommerce'
  const standard = standardWebhookHeaders(headers)
  if (standard.signature !== undefined && standard.id !== undefined) return 'standard-webhooks'
  return 'roms'
}

const SCHEME_SETTINGS: Record<SignatureScheme, { secret: keyof SecretLists, header: string }> = {
  roms: { secret: 'webhook', header: 'X-Webhook-Signature' },
  shopify: { secret: 'shopify', header: 'X-Shopify-Hmac-Sha256' },
  woocommerce: { secret: 'woocommerce', header: 'X-WC-Webhook-Signature' },
  'standard-webhooks': { secret: 'standardWebhooks', header: 'webhook-signature' }
}

// How each scheme signs, for the sender whose signature does not verify.
const SIGNING: Record<SignatureScheme, string> = {
  roms: 'the hex HMAC-SHA256 of the exact bytes sent (a sha256= prefix is allowed)',
  shopify: 'the base64 HMAC-SHA256 of the exact bytes sent',
  woocommerce: 'the base64 HMAC-SHA256 of the exact bytes sent',
  'standard-webhooks': 'v1, then the base64 HMAC-SHA256 of webhook-id.webhook-timestamp.body with the whsec_ key'
}
const SIGNATURE_HELP = 'GET /api/v2/webhooks/signature-help shows examples'

const SECRET_NAMES: Record<keyof SecretLists, string> = {
  webhook: 'WEBHOOK_SECRET',
  shopify: 'SHOPIFY_WEBHOOK_SECRET',
  woocommerce: 'WOOCOMMERCE_WEBHOOK_SECRET',
  standardWebhooks: 'STANDARD_WEBHOOKS_SECRET',
  urlTokens: 'WEBHOOK_URL_TOKEN'
}

/**
 * A delivery is accepted when its scheme's signature verifies against any configured secret of that scheme, or when it
 * came through the secret URL without a signature that fails its configured secret. Without a secret for its scheme, a delivery is unsigned: accepted unless WEBHOOK_SECRET
 * is set, which makes every delivery prove itself. Throws a DomainError (401) that names what is missing, never a secret.
 */
export function authenticate (input: AuthInput, secrets: SecretLists): AuthResult {
  const scheme = schemeOf(input.headers)
  const settings = SCHEME_SETTINGS[scheme]
  const schemeSecrets = secrets[settings.secret]
  const check = schemeSecrets.length > 0 ? checkScheme(scheme, input, schemeSecrets) : 'missing'
  if (input.urlToken !== undefined) {
    if (!secrets.urlTokens.some((token) => isSameSecret(input.urlToken ?? '', token))) {
      throw new DomainError('TOKEN_INVALID', 'the token in the webhook URL is not valid')
    }
    // The URL stands in for a signature the sender cannot make; one it does send must still match its secret.
    if (check === 'missing' || check === 'valid') return 'url-token'
  }
  if (schemeSecrets.length > 0) {
    if (check === 'valid') return 'signature'
    if (check === 'missing') {
      throw new DomainError('SIGNATURE_MISSING', `the ${settings.header} header is required: ${SECRET_NAMES[settings.secret]} is set on this server ` +
        `(a sender that cannot sign can post to the token URL when WEBHOOK_URL_TOKEN is set; ${SIGNATURE_HELP})`)
    }
    if (check === 'expired') {
      throw new DomainError('SIGNATURE_EXPIRED', 'the webhook-timestamp header is more than 5 minutes away from the server clock: ' +
        'check the sender\'s and the server\'s clocks, and that the timestamp is Unix seconds')
    }
    throw new DomainError('SIGNATURE_INVALID', `the ${settings.header} signature does not match the body: it must be ${SIGNING[scheme]}, ` +
      `keyed with ${SECRET_NAMES[settings.secret]}; ${SIGNATURE_HELP}`)
  }
  if (secrets.webhook.length === 0) return 'not-required'
  const hint = scheme === 'roms'
    ? 'send X-Webhook-Signature (hex HMAC-SHA256 of the body with WEBHOOK_SECRET) or use the token URL'
    : `set ${SECRET_NAMES[settings.secret]} on the server, or use the token URL`
  throw new DomainError('SIGNATURE_MISSING', `this server requires signed deliveries: ${hint}`)
}

function checkScheme (scheme: SignatureScheme, input: AuthInput, secrets: readonly string[]): SignatureCheck | 'expired' {
  const { headers, rawBody } = input
  switch (scheme) {
    case 'roms': return checkHexSignature(rawBody, headers['x-webhook-signature'], secrets)
    case 'shopify': return checkBase64Signature(rawBody, headers['x-shopify-hmac-sha256'], secrets)
    case 'woocommerce': return checkBase64Signature(rawBody, headers['x-wc-webhook-signature'], secrets)
    case 'standard-webhooks': return checkStandardSignature(rawBody, standardWebhookHeaders(headers), secrets, input.now)
  }
}
