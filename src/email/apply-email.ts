import { createHash } from 'node:crypto'
import type { ApplyAction } from '../orders/apply-patch.ts'
import { isDatabaseUnavailable } from '../store/database-errors.ts'
import {
  type EmailOutcome, type EmailStatus, findEmailByMessageId, insertEmailIfAbsent, type NewEmail, type StoredEmail,
  updateEmailOutcome
} from '../store/email-message-repository.ts'
import type { Writer } from '../store/writer.ts'
import { findSameOriginal } from './find-same-original.ts'
import { type PreparedEmail, prepareEmail } from './prepare-email.ts'
import type { RetailerRule } from './retailers/index.ts'
import { describeReading, settleEmail } from './settle-email.ts'

export interface ApplyEmailDeps {
  writer: Writer
  clock: () => Date
  /** The retailer rules to read with; the built-in list when absent. */
  rules?: readonly RetailerRule[]
  /** Told of an order an email created or changed, once committed (the live stream announces it). */
  onOrderChanged?: (orderId: number) => void
}

export interface EmailOrigin {
  /** The poller's mailbox key (host/user/folder). */
  mailbox?: string
  uid?: number
  via: 'imap' | 'api' | 'cli'
}

export interface EmailResult {
  emailId: number
  status: EmailStatus
  kind: string | null
  retailer: string | null
  orderId: number | null
  orderNumber: string | null
  problems: string[]
  /** What happened to the order, when the email was applied. */
  action?: ApplyAction
}

/**
 * The one way an email reaches the orders, whether polled, posted or imported. The email's row (claimed by its
 * Message-ID) and the order change are written in one transaction, so an email is applied exactly once; one seen
 * before, by its Message-ID or as another copy of the same original (findSameOriginal), answers `duplicate` and
 * changes nothing. An email that cannot be applied is kept with its problems.
 */
export async function applyEmail (deps: ApplyEmailDeps, raw: Buffer, origin: EmailOrigin): Promise<EmailResult> {
  const prepared = await prepareEmail(raw, deps.rules)
  const messageId = prepared.reading.messageId ?? contentId(raw)
  const now = deps.clock()
  const row: EmailRow = { messageId, via: origin.via, mailbox: origin.mailbox ?? null, uid: origin.uid ?? null, raw, now: now.toISOString() }
  try {
    return announce(deps, await deps.writer.write(async (db) => {
      const seen = await findEmailByMessageId(db, messageId)
      if (seen !== undefined) return duplicateOf(seen)
      const original = await findSameOriginal(db, prepared, null)
      if (original !== undefined) return duplicateOf(original)
      const claimed = { ...describeReading(prepared), status: 'failed' as const, problems: ['not applied yet'] }
      const id = await insertEmailIfAbsent(db, { ...row, ...claimed })
      if (id === undefined) {
        const first = await findEmailByMessageId(db, messageId)
        if (first === undefined) throw new Error(`email ${messageId} vanished while it was being claimed`)
        return duplicateOf(first)
      }
      const settled = await settleEmail(db, prepared, id, now)
      await updateEmailOutcome(db, id, settled.outcome, row.now)
      return toResult(id, settled.outcome, settled.action)
    }))
  } catch (error) {
    // The database being down is for the caller to retry; anything else is this email's fault, recorded so that a
    // poller can move on and the email can be re-run once the cause is fixed.
    if (isDatabaseUnavailable(error)) throw error
    return await recordFailure(deps, row, prepared, error)
  }
}

type EmailRow = Omit<NewEmail, keyof EmailOutcome>

/** Tells `onOrderChanged` of the order an applied email created or changed; returns the result as it is. */
export function announce (deps: ApplyEmailDeps, result: EmailResult): EmailResult {
  if ((result.action === 'created' || result.action === 'updated') && result.orderId !== null) deps.onOrderChanged?.(result.orderId)
  return result
}

async function recordFailure (deps: ApplyEmailDeps, row: EmailRow, prepared: PreparedEmail, error: unknown): Promise<EmailResult> {
  const outcome: EmailOutcome = {
    ...describeReading(prepared),
    status: 'failed',
    problems: [`could not be applied: ${error instanceof Error ? error.message : String(error)}`]
  }
  return await deps.writer.write(async (db) => {
    const id = await insertEmailIfAbsent(db, { ...row, ...outcome })
    if (id !== undefined) return toResult(id, outcome)
    const first = await findEmailByMessageId(db, row.messageId)
    if (first === undefined) throw new Error(`email ${row.messageId} vanished while it was being recorded`, { cause: error })
    return duplicateOf(first)
  })
}

/** For a message without a Message-ID: the same bytes are the same email. */
function contentId (raw: Buffer): string {
  return `<sha256-${createHash('sha256').update(raw).digest('hex')}@roms.invalid>`
}

function duplicateOf (first: StoredEmail): EmailResult {
  return { ...toResult(first.id, first), status: 'duplicate' }
}

export function toResult (id: number, outcome: EmailOutcome, action?: ApplyAction): EmailResult {
  return {
    emailId: id,
    status: outcome.status,
    kind: outcome.kind,
    retailer: outcome.retailer,
    orderId: outcome.orderId,
    orderNumber: outcome.orderNumber,
    problems: outcome.problems,
    ...(action === undefined ? {} : { action })
  }
}
