import { applyPatch, type ApplyAction } from '../orders/apply-patch.ts'
import type { Db } from '../store/database.ts'
import type { EmailOutcome } from '../store/email-message-repository.ts'
import { findSameOriginal } from './find-same-original.ts'
import { planEmailPatch } from './plan-email-patch.ts'
import type { PreparedEmail } from './prepare-email.ts'

export interface Settled {
  outcome: EmailOutcome
  action?: ApplyAction
}

/**
 * Applies a prepared email to its order, in the caller's transaction (the one that holds the email's row), or says
 * why it cannot be. `emailId` is the email's own row, left out when ordering emails by date.
 */
export async function settleEmail (db: Db, prepared: PreparedEmail, emailId: number | null, now: Date): Promise<Settled> {
  const base = describeReading(prepared)
  if (prepared.patch === undefined) return { outcome: { ...base, status: prepared.status ?? 'unmatched', problems: prepared.problems } }
  // A kept copy re-run after its twin was applied (a partial cancellation would lower the quantity twice).
  const original = await findSameOriginal(db, prepared, emailId)
  if (original !== undefined) {
    return { outcome: { ...base, status: 'unmatched', problems: [`the same email as email ${original.id}, which was applied already`] } }
  }
  const plan = await planEmailPatch(db, prepared.reading, prepared.patch, emailId)
  if ('problems' in plan) return { outcome: { ...base, status: 'unmatched', problems: plan.problems } }
  const applied = await applyPatch(db, plan.patch, { source: 'email', deliveryId: null, now })
  return { outcome: { ...base, status: 'applied', orderId: applied.orderId, problems: [] }, action: applied.action }
}

export function describeReading (prepared: PreparedEmail): Omit<EmailOutcome, 'status' | 'problems'> {
  const { reading } = prepared
  const orderNumber = prepared.patch?.orderNumber ?? (typeof reading.patch?.orderNumber === 'string' ? reading.patch.orderNumber : null)
  return {
    sentAt: reading.date,
    sender: reading.from,
    subject: reading.subject,
    retailer: reading.retailer,
    kind: reading.kind,
    orderNumber,
    orderId: null
  }
}
