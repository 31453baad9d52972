import type { StandardWebhookHeaders } from './standard-webhooks-signature.ts'

/**
 * The Standard Webhooks headers of a delivery. Svix, which most senders of the scheme are built on, sends them as
 * `svix-id`, `svix-timestamp` and `svix-signature` unless the sender pays to have them named `webhook-*`
 * (docs.svix.com/receiving/verifying-payloads/how-manual); the values and the signing are the same.
 */
export function standardWebhookHeaders (headers: Record<string, string | undefined>): StandardWebhookHeaders {
  const branded = headers['webhook-signature'] === undefined && headers['svix-signature'] !== undefined
  return branded
    ? { id: headers['svix-id'], timestamp: headers['svix-timestamp'], signature: headers['svix-signature'] }
    : { id: headers['webhook-id'], timestamp: headers['webhook-timestamp'], signature: headers['webhook-signature'] }
}
