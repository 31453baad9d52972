import type { RawOrderPatch } from '../orders/order-patch.ts'

export const EMAIL_KINDS = [
  'order-confirmation', 'shipping', 'partial-shipping', 'cancellation', 'partial-cancellation', 'delivered', 'unknown'
] as const

export type EmailKind = typeof EMAIL_KINDS[number]

export interface CancelledItem {
  title: string
  size: string | null
  quantity: number
}

/**
 * What one retailer email says about one order. An empty `problems` means the reading is whole enough to apply;
 * otherwise it explains why (no order number, an unknown kind of email, a partial cancellation without items), and
 * the email is kept for review.
 */
export interface EmailReading {
  messageId: string | null
  /** The original sender's address, read through a forward. */
  from: string | null
  /** The original subject, read through a forward. */
  subject: string
  /** ISO 8601 UTC: the message's Date header. */
  date: string | null
  /** A rule id from src/email/retailers, or 'generic'. */
  retailer: string
  kind: EmailKind
  patch?: RawOrderPatch
  cancelledItems?: CancelledItem[]
  /** The original's text, read through a forward, as fingerprintText gives it: what makes two copies one email. */
  textFingerprint?: string
  problems: string[]
}
