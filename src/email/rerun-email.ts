import { DomainError } from '../domain-error.ts'
import { findEmail, rawOf, updateEmailOutcome } from '../store/email-message-repository.ts'
import { announce, type ApplyEmailDeps, type EmailResult, toResult } from './apply-email.ts'
import { prepareEmail } from './prepare-email.ts'
import { settleEmail } from './settle-email.ts'

/**
 * Reads a kept email again from its stored bytes with the current rules and applies it if it now can be. An email
 * already applied is refused: applying it again would, for a partial cancellation, lower the quantity twice.
 */
export async function rerunEmail (deps: ApplyEmailDeps, id: number): Promise<EmailResult> {
  const stored = await deps.writer.write(async (db) => await findEmail(db, id))
  if (stored === undefined) throw new DomainError('NOT_FOUND', `no email with id ${id}`, { field: 'id' })
  refuseApplied(stored.status, id)
  // Read outside the transaction: parsing a large message must not hold up the writer.
  const prepared = await prepareEmail(rawOf(stored), deps.rules)
  const now = deps.clock()
  return announce(deps, await deps.writer.write(async (db) => {
    const current = await findEmail(db, id)
    if (current === undefined) throw new DomainError('NOT_FOUND', `no email with id ${id}`, { field: 'id' })
    refuseApplied(current.status, id)
    const settled = await settleEmail(db, prepared, id, now)
    await updateEmailOutcome(db, id, settled.outcome, now.toISOString())
    return toResult(id, settled.outcome, settled.action)
  }))
}

function refuseApplied (status: string, id: number): void {
  if (status === 'applied') throw new DomainError('EMAIL_ALREADY_APPLIED', `email ${id} was applied already; only kept emails can be re-run`, { field: 'id' })
}
