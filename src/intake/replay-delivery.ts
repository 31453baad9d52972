import { DomainError } from '../domain-error.ts'
import type { Db } from '../store/database.ts'
import { decodeBody, type DeliveryLog, findDeliveryLog } from '../store/delivery-log-repository.ts'
import { ERASED } from '../store/scrub-personal.ts'
import { correctOrder } from './correct-order.ts'
import { type DeliveryResult, type IntakeDeps, receiveDelivery } from './receive-delivery.ts'

/**
 * Runs a stored delivery through the pipeline again (after a mapping fix, say), as a new delivery record that points
 * to the old one (`replay_of`). Stored headers are redacted, so signatures are not checked again: a replay is an admin
 * action, already behind the access rule. The sender's delivery id is not claimed, so the order is applied again.
 */
export async function replayDelivery (deps: IntakeDeps, db: Db, logId: number): Promise<DeliveryResult> {
  const log = await findDeliveryLog(db, logId)
  if (log === undefined) throw new DomainError('NOT_FOUND', `no delivery with id ${logId}`)
  if (log.errorCode === 'BODY_TOO_LARGE') {
    throw new DomainError('NOT_REPLAYABLE', `delivery ${logId} was larger than the body limit: only its first part was kept`)
  }
  // An erasure (roms erase, DELETE /api/v2/customers) left '[erased]' for the body: replayed, it was a new rejected
  // delivery saying the body was not JSON.
  if (log.rawBodyEncoding === 'utf8' && decodeBody(log).toString('utf8') === ERASED) {
    throw new DomainError('NOT_REPLAYABLE', `delivery ${logId} was erased on a customer's request: there is nothing left to replay`)
  }
  const receivedAt = deps.clock()
  if (log.source === 'manual' && log.orderId !== null) {
    return await correctOrder(deps, {
      orderId: log.orderId, body: parseManualBody(log), headers: log.headers, path: log.path, receivedAt, replayOf: log.id
    })
  }
  const url = new URL(log.path, 'http://replay.invalid')
  return await receiveDelivery(deps, {
    method: log.method,
    path: log.path,
    headers: log.headers,
    query: Object.fromEntries(url.searchParams),
    rawBody: decodeBody(log),
    clientIp: log.clientIp ?? undefined,
    receivedAt
  }, { replayOf: log.id, trusted: true })
}

function parseManualBody (log: DeliveryLog): unknown {
  try {
    return JSON.parse(decodeBody(log).toString('utf8'))
  } catch (error) {
    throw new DomainError('NOT_REPLAYABLE', `delivery ${log.id} holds no JSON correction`, { cause: error })
  }
}
