import { request } from '../api.ts'
import type { DeliveryLog } from '../types.ts'

interface ReplayAnswer {
  success: boolean
  delivery_id: number | null
  outcome: string
  status_code: number
  order_number: string | null
  error: { code: string, message: string } | null
}

export interface ReplayResult {
  /** What happened this time, in the words of the server. */
  summary: string
  ok: boolean
}

/** Runs a stored delivery through the pipeline again; the server records the run as a new delivery (a replay). */
export async function replayDelivery (log: DeliveryLog): Promise<ReplayResult> {
  const answer = await request<ReplayAnswer>('POST', `/api/v2/webhooks/logs/${log.id}/replay`)
  const as = answer.delivery_id === null ? '' : ` as #${answer.delivery_id}`
  const what = answer.error === null ? `${answer.outcome}${answer.order_number === null ? '' : ` ${answer.order_number}`}` : `${answer.outcome}: ${answer.error.message}`
  return { ok: answer.success, summary: `Replayed #${log.id}${as} (${answer.status_code}): ${what}` }
}
