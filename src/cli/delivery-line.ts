import type { DeliveryLog } from '../store/delivery-log-repository.ts'
import type { Paint } from './terminal.ts'

const GOOD = new Set(['created', 'updated'])
const BAD = new Set(['rejected', 'failed', 'unauthorized'])

/** One delivery as a terminal line: id, time, sender, outcome, status, order and the error if any. */
export function formatDelivery (log: DeliveryLog, paint: Paint): string {
  const outcome = log.outcome.padEnd(12)
  const coloured = GOOD.has(log.outcome) ? paint.green(outcome) : BAD.has(log.outcome) ? paint.red(outcome) : paint.dim(outcome)
  const parts = [
    paint.dim(`#${log.id}`.padEnd(7)),
    log.createdAt.slice(0, 19).replace('T', ' '),
    log.source.padEnd(17),
    coloured,
    String(log.statusCode),
    log.orderNumber ?? '-'
  ]
  if (log.replayOf !== null) parts.push(paint.dim(`(replay of #${log.replayOf})`))
  if (log.errorCode !== null) parts.push(paint.red(`${log.errorCode}: ${log.error ?? ''}`))
  return parts.join('  ')
}

/** The delivery as `--json` prints it: what the log keeps, without the raw body (its preview is there). */
export function deliveryJson (log: DeliveryLog): Record<string, unknown> {
  return {
    id: log.id,
    created_at: log.createdAt,
    source: log.source,
    method: log.method,
    path: log.path,
    status_code: log.statusCode,
    outcome: log.outcome,
    error_code: log.errorCode,
    error: log.error,
    order_id: log.orderId,
    order_number: log.orderNumber,
    replay_of: log.replayOf,
    body_size: log.bodySize,
    body_preview: log.bodyPreview
  }
}
