import { createHash } from 'node:crypto'

/**
 * The text of an email as a fingerprint: letters and digits only, so the same retailer email reads the same whether
 * it came straight, through Gmail's HTML forward or as Apple Mail's quoted text.
 */
export function fingerprintText (text: string): string {
  const words = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  return createHash('sha256').update(words).digest('hex')
}
