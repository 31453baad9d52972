import { findAppliedEmailsFrom, rawOf, type StoredEmail } from '../store/email-message-repository.ts'
import type { Db } from '../store/database.ts'
import { lockEmailOrder } from '../store/email-order-lock.ts'
import { findOrderForUpdate } from '../store/order-repository.ts'
import type { PreparedEmail } from './prepare-email.ts'
import { readEmail } from './read-email.ts'

const QUARTER_HOUR = 15 * 60_000
const MINUTE = 60_000
// Time zones run from UTC-12 to UTC+14.
const MOST_ZONE_APART = 26 * 60 * MINUTE

/**
 * An email already applied to the same order that is the same original retailer email as this one under another
 * Message-ID: a forwarded copy (the bot account forwards to a shared inbox that is polled too) or the original after
 * its forward. Same sender, subject and text; the same time, give or take a whole time zone, because a forward quotes
 * the date in the forwarder's zone without naming it, to the minute. Locks the order number for the rest of the
 * transaction (lockEmailOrder), so that another instance checking a copy waits and then sees this one.
 */
export async function findSameOriginal (db: Db, prepared: PreparedEmail, exceptId: number | null): Promise<StoredEmail | undefined> {
  const { reading, patch } = prepared
  if (patch === undefined || reading.from === null || reading.textFingerprint === undefined) return undefined
  await lockEmailOrder(db, patch.orderNumber)
  const order = await findOrderForUpdate(db, patch.orderNumber)
  if (order === undefined) return undefined
  for (const candidate of await findAppliedEmailsFrom(db, order.id, reading.from, reading.subject)) {
    if (candidate.id === exceptId || !isSameTime(candidate.sentAt, reading.date)) continue
    const earlier = await readEmail(rawOf(candidate))
    if (earlier.textFingerprint === reading.textFingerprint) return candidate
  }
  return undefined
}

function isSameTime (a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true
  const apart = Math.abs(Date.parse(a) - Date.parse(b))
  const offBy = apart % QUARTER_HOUR
  return apart <= MOST_ZONE_APART && (offBy < MINUTE || offBy > QUARTER_HOUR - MINUTE)
}
