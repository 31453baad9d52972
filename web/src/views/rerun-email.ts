import { request } from '../api.ts'
import type { EmailRunResult } from '../email-types.ts'

export interface RerunOutcome {
  /** What the re-run made of the email, in one line. */
  summary: string
  applied: boolean
}

/** Reads a kept email again with the server's current retailer rules; the server applies it if it now can be. */
export async function rerunEmail (id: number): Promise<RerunOutcome> {
  const result = await request<EmailRunResult>('POST', `/api/v2/emails/${id}/rerun`)
  if (result.status === 'applied') {
    const order = result.order_number === null ? '' : ` to order ${result.order_number}`
    const action = result.action === undefined ? '' : ` (${result.action})`
    return { applied: true, summary: `Re-run: applied${order}${action}.` }
  }
  const problems = result.problems.length === 0 ? '' : `: ${result.problems.join('; ')}`
  return { applied: false, summary: `Re-run: still ${result.status}${problems}.` }
}
