import { DomainError } from '../domain-error.ts'
import { applyPatch } from '../orders/apply-patch.ts'
import { normalizePatch } from '../orders/normalize-patch.ts'
import type { OrderPatch } from '../orders/order-patch.ts'
import type { Db } from '../store/database.ts'
import { completeDeliveryLog, insertDeliveryLog } from '../store/delivery-log-repository.ts'
import { findOrderById } from '../store/order-query-repository.ts'
import type { StoredOrder } from '../store/order-repository.ts'
import type { DeliveryResult, IntakeDeps } from './receive-delivery.ts'
import { isPlainObject, readFlatOrder } from './readers/read-flat-order.ts'
import { redactHeaders } from './redact.ts'

export interface Correction {
  orderId: number
  /** The parsed JSON object: the same field names a webhook uses. */
  body: unknown
  headers: Record<string, string | undefined>
  path: string
  clientIp?: string | undefined
  receivedAt: Date
  replayOf?: number | undefined
}

export interface CorrectionResult extends DeliveryResult {
  /** The order as this correction left it, read in its own transaction: a correction committed just after is not in it. */
  order: StoredOrder | undefined
}

/**
 * A hand correction takes the deliveries' path: the guide's field names, normalizePatch, applyPatch, and a delivery
 * record (source `manual`) in the same transaction, so it shows in the timeline, the delivery log and the live stream
 * like any other change. An invalid correction is refused before anything is written.
 */
export async function correctOrder (deps: IntakeDeps, correction: Correction): Promise<CorrectionResult> {
  const { body } = correction
  if (!isPlainObject(body)) throw new DomainError('INVALID_PAYLOAD', 'the body must be a JSON object of the fields to change')
  const statusCode = 200
  const result = await deps.writer.write(async (db: Db): Promise<CorrectionResult> => {
    const order = await findOrderById(db, correction.orderId)
    if (order === undefined) throw new DomainError('NOT_FOUND', `no order with id ${correction.orderId}`)
    const patch = readCorrection(body, order.orderNumber)
    const logId = await insertDeliveryLog(db, {
      receivedAt: correction.receivedAt,
      source: 'manual',
      method: 'PATCH',
      path: correction.path,
      contentType: 'application/json',
      headers: redactHeaders(correction.headers),
      rawBody: Buffer.from(JSON.stringify(body)),
      statusCode,
      outcome: 'received',
      orderId: order.id,
      orderNumber: order.orderNumber,
      replayOf: correction.replayOf ?? null,
      clientIp: correction.clientIp ?? null
    })
    const applied = await applyPatch(db, patch, { source: 'manual', deliveryId: logId, now: correction.receivedAt })
    await completeDeliveryLog(db, logId, { outcome: applied.action, statusCode, orderId: applied.orderId, orderNumber: applied.orderNumber })
    const after = await findOrderById(db, applied.orderId)
    return { statusCode, outcome: applied.action, source: 'manual', logId, orderId: applied.orderId, orderNumber: applied.orderNumber, action: applied.action, order: after }
  })
  deps.onRecorded?.(result)
  return result
}

function readCorrection (body: Record<string, unknown>, orderNumber: string): OrderPatch {
  for (const [key, value] of Object.entries(body)) {
    // A delivery's blank field leaves the stored value alone; a hand edit that sends null expects it cleared, which applyPatch never does.
    if (value === null) throw new DomainError('INVALID_FIELD', `${key} cannot be cleared: send a new value instead`, { field: key })
  }
  const { extra: given, ...fields } = body
  if (given !== undefined && !isPlainObject(given)) throw new DomainError('INVALID_FIELD', 'extra must be an object', { field: 'extra' })
  const raw = readFlatOrder(fields)
  if (raw.orderNumber !== undefined && String(raw.orderNumber) !== orderNumber) {
    throw new DomainError('INVALID_FIELD', 'order_number cannot be changed', { field: 'order_number' })
  }
  // Unknown keys go to `extra` on a delivery; in a hand edit they are more likely typos, so they are named instead.
  const unknown = Object.keys(raw.extra ?? {})
  if (unknown.length > 0) throw new DomainError('INVALID_FIELD', `unknown field ${unknown[0] ?? ''}: use the webhook field names, or put it in "extra"`, { field: unknown[0] ?? '' })
  const patch = normalizePatch({ ...raw, orderNumber, extra: given ?? {} })
  if (Object.keys(patch.fields).length === 0 && patch.extra === undefined) {
    throw new DomainError('INVALID_PAYLOAD', 'the body names no field to change')
  }
  return patch
}
