import { createHmac } from 'node:crypto'
import { isSameSecret } from './compare-secret.ts'
import type { SignatureCheck } from './hmac-signature.ts'

/** The spec's tolerance for `webhook-timestamp`, against replays. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60

export interface StandardWebhookHeaders {
  id: string | undefined
  timestamp: string | undefined
  signature: string | undefined
}

/**
 * Standard Webhooks (and Svix): `webhook-signature` holds space-separated `v1,<base64>` entries, each an HMAC-SHA256 of
 * `id.timestamp.body` keyed with the base64 part of a `whsec_` secret. Any entry may match (the sender rotates keys).
 * The clock is a parameter so tests can move it.
 */
export function checkStandardSignature (rawBody: Buffer, headers: StandardWebhookHeaders, secrets: readonly string[], now: Date): SignatureCheck | 'expired' {
  const { id, timestamp, signature } = headers
  if (id === undefined || timestamp === undefined || signature === undefined || signature.trim() === '') return 'missing'
  if (!/^\d{1,12}$/.test(timestamp.trim())) return 'invalid'
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) return 'expired'
  const given = signature.trim().split(/\s+/)
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => entry.slice(3))
  for (const secret of secrets) {
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
    const expected = createHmac('sha256', key)
      .update(`${id}.${timestamp.trim()}.`)
      .update(rawBody)
      .digest('base64')
    if (given.some((candidate) => isSameSecret(candidate, expected))) return 'valid'
  }
  return 'invalid'
}
