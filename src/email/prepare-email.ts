import { isDomainError } from '../domain-error.ts'
import { normalizePatch } from '../orders/normalize-patch.ts'
import type { OrderPatch } from '../orders/order-patch.ts'
import type { EmailReading } from './email-reading.ts'
import { readEmail } from './read-email.ts'
import type { RetailerRule } from './retailers/index.ts'

/** An email read and its patch normalised: everything that needs no database. */
export interface PreparedEmail {
  reading: EmailReading
  patch?: OrderPatch
  /** Why it cannot be applied; `failed` when the reading was whole but a value was not valid for an order. */
  problems: string[]
  status?: 'unmatched' | 'failed'
}

export async function prepareEmail (raw: Buffer, rules?: readonly RetailerRule[]): Promise<PreparedEmail> {
  const reading = await readOrDescribe(raw, rules)
  if (reading.problems.length > 0 || reading.patch === undefined) {
    return { reading, problems: reading.problems.length > 0 ? reading.problems : ['nothing to apply'], status: 'unmatched' }
  }
  try {
    return { reading, patch: normalizePatch(reading.patch), problems: [] }
  } catch (error) {
    if (!isDomainError(error)) throw error
    return { reading, problems: [error.message], status: 'failed' }
  }
}

/** A message mailparser cannot read is still kept, as unmatched, so the bytes can be looked at. */
async function readOrDescribe (raw: Buffer, rules: readonly RetailerRule[] | undefined): Promise<EmailReading> {
  try {
    return await readEmail(raw, rules === undefined ? {} : { rules })
  } catch (error) {
    return {
      messageId: null,
      from: null,
      subject: '',
      date: null,
      retailer: 'generic',
      kind: 'unknown',
      problems: [`the message could not be read: ${error instanceof Error ? error.message : String(error)}`]
    }
  }
}
