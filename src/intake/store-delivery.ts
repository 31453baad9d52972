import { applyPatch } from '../orders/apply-patch.ts'
import type { OrderPatch } from '../orders/order-patch.ts'
import type { Db } from '../store/database.ts'
import type { Writer } from '../store/writer.ts'
import {
  claimDeliveryKey, findDeliveryByKey, insertDeliveryLog, linkDeliveryKey, type NewDeliveryLog, releaseDeliveryKey
} from '../store/delivery-log-repository.ts'
import type { SourceName } from './delivery.ts'
import type { DeliveryResult } from './receive-delivery.ts'

/** A read, normalised delivery ready to store: plain data, so it can be handed to the writer thread. */
export interface DeliveryJob {
  log: Omit<NewDeliveryLog, 'outcome'> & { source: SourceName, statusCode: number }
  patch: OrderPatch
  deliveryKey?: string | undefined
  now: Date
}

/** Stores what the pipeline made of a delivery; each call resolves after its transaction committed. */
export interface DeliveryStorage {
  store: (job: DeliveryJob) => Promise<DeliveryResult>
  /** A delivery record without an order (a ping, a test, a refusal); resolves with its id. */
  record: (log: NewDeliveryLog) => Promise<number>
  /** Deliveries waiting for their commit. */
  depth: () => number
}

/** Deliveries stored through this process's own group-commit writer. */
export function writerStorage (writer: Writer): DeliveryStorage {
  return {
    store: async (job) => await writer.write(async (db) => await storeDelivery(db, job), job.patch.orderNumber),
    record: async (log) => await writer.write(async (db) => await insertDeliveryLog(db, log)),
    depth: () => writer.depth()
  }
}

/**
 * The database half of a delivery, in one transaction: claims its id (a duplicate changes nothing), applies the patch
 * and writes the delivery record once the outcome is known.
 */
export async function storeDelivery (db: Db, job: DeliveryJob): Promise<DeliveryResult> {
  const { log, patch, deliveryKey, now } = job
  const { source, statusCode } = log
  if (deliveryKey !== undefined && !(await claimDeliveryKey(db, deliveryKey, now))) {
    const first = await findDeliveryByKey(db, deliveryKey)
    const logId = await insertDeliveryLog(db, { ...log, outcome: 'duplicate', orderId: first?.orderId ?? null })
    return { statusCode, outcome: 'duplicate', source, logId, orderId: first?.orderId ?? undefined, orderNumber: patch.orderNumber, action: 'duplicate' }
  }
  let logId = 0
  const applied = await applyPatch(db, patch, {
    source,
    now,
    recordDelivery: async ({ action, orderId, orderNumber }) => {
      logId = await insertDeliveryLog(db, { ...log, outcome: action, orderId, orderNumber })
      // Only a delivery that was applied keeps its id: a stale one's retry is read afresh (and found stale again).
      if (deliveryKey !== undefined && action === 'stale') await releaseDeliveryKey(db, deliveryKey)
      else if (deliveryKey !== undefined) await linkDeliveryKey(db, deliveryKey, logId)
      return logId
    }
  })
  return { statusCode, outcome: applied.action, source, logId, orderId: applied.orderId, orderNumber: applied.orderNumber, action: applied.action }
}
