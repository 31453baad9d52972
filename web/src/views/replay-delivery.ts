import { request } from '../api.ts'
import type { DeliveryLog } from '../types.ts'

interface ReplayAnswer {
  success: boolean
  delivery_id: number | null
  outcome: string
  status_code: number
  order_number: string | null
  error: { code: string, message: string } | null
  /** A list of orders refused whole replays as its orders, each a delivery of its own. */
  results?: Array<{ success: boolean, delivery_id: number | null, order_number?: string, action?: string, error?: { code: string } }>
}

export interface ReplayResult {
  /** What happened this time, in the words of the server. */
  summary: string
  ok: boolean
}

/** Runs a stored delivery through the pipeline again; the server records the run as a new delivery (a replay). */
export async function replayDelivery (log: DeliveryLog): Promise<ReplayResult> {
  const answer = await request<ReplayAnswer>('POST', `/api/v2/webhooks/logs/${log.id}/replay`)
  if (answer.results !== undefined) {
    const each = answer.results.map((r) => `#${r.delivery_id ?? '?'} ${r.order_number ?? ''} ${r.action ?? r.error?.code ?? ''}`.replace(/\s+/g, ' ').trim())
    const stored = answer.results.filter((r) => r.success).length
    return { ok: answer.success, summary: `Replayed #${log.id} as its ${answer.results.length} orders, ${stored} stored (${answer.status_code}): ${each.join(', ')}` }
  }
  const as = answer.delivery_id === null ? '' : ` as #${answer.delivery_id}`
  const what = answer.error === null ? `${answer.outcome}${answer.order_number === null ? '' : ` ${answer.order_number}`}` : `${answer.outcome}: ${answer.error.message}`
  return { ok: answer.success, summary: `Replayed #${log.id}${as} (${answer.status_code}): ${what}` }
}
