import type { Writer } from './writer.ts'

export interface PruneOptions {
  /** Delivery records older than this many days go (ROMS_LOG_RETENTION_DAYS). */
  retentionDays: number
  now: Date
  /** Rows per transaction: small, so each batch holds the writer for a moment and deliveries keep flowing between. */
  batchSize?: number
}

export interface PruneReport {
  deliveries: number
  deliveryKeys: number
}

const DAY_MS = 24 * 60 * 60 * 1000
/**
 * Delivery ids are kept at least this long whatever the retention: Shopify retries a failed webhook for 48 hours and
 * Standard Webhooks senders for up to several days, and a retry whose id was forgotten would apply again.
 */
export const MIN_DELIVERY_KEY_DAYS = 7

/**
 * Deletes old delivery records (webhook_logs) and the delivery ids they claimed, oldest first, in batches through the
 * writer. Orders and their events are kept: they are the reseller's history, the delivery records only its evidence.
 */
export async function pruneDeliveries (writer: Writer, options: PruneOptions): Promise<PruneReport> {
  const batchSize = options.batchSize ?? 500
  const logCutoff = new Date(options.now.getTime() - options.retentionDays * DAY_MS).toISOString()
  const keyCutoff = new Date(options.now.getTime() - Math.max(options.retentionDays, MIN_DELIVERY_KEY_DAYS) * DAY_MS).toISOString()
  const report: PruneReport = { deliveries: 0, deliveryKeys: 0 }
  for (;;) {
    const deleted = await writer.write(async (db) => {
      const ids = db.kysely.selectFrom('webhook_logs').select('id').where('created_at', '<', logCutoff).orderBy('id').limit(batchSize)
      const result = await db.kysely.deleteFrom('webhook_logs').where('id', 'in', ids).executeTakeFirst()
      return Number(result.numDeletedRows)
    })
    report.deliveries += deleted
    if (deleted < batchSize) break
  }
  for (;;) {
    const deleted = await writer.write(async (db) => {
      const keys = db.kysely.selectFrom('processed_deliveries').select('delivery_key').where('created_at', '<', keyCutoff).limit(batchSize)
      const result = await db.kysely.deleteFrom('processed_deliveries').where('delivery_key', 'in', keys).executeTakeFirst()
      return Number(result.numDeletedRows)
    })
    report.deliveryKeys += deleted
    if (deleted < batchSize) break
  }
  return report
}

export interface PruneSchedule {
  stop: () => Promise<void>
}

/**
 * Prunes soon after start and then every `everyMs` (an hour by default). The timer is unref'd, so it never keeps a
 * process alive; `stop` waits for a run in progress, so the store is not closed under it.
 */
export function schedulePruning (writer: Writer, options: {
  retentionDays: number
  clock: () => Date
  everyMs?: number
  onDone?: (report: PruneReport) => void
  onError?: (error: unknown) => void
}): PruneSchedule {
  const everyMs = options.everyMs ?? 60 * 60 * 1000
  let running: Promise<void> | undefined
  let stopped = false
  const run = (): void => {
    if (stopped || running !== undefined) return
    running = pruneDeliveries(writer, { retentionDays: options.retentionDays, now: options.clock() })
      .then((report) => options.onDone?.(report), (error: unknown) => options.onError?.(error))
      .finally(() => { running = undefined })
  }
  const first = setTimeout(run, Math.min(everyMs, 60_000))
  const timer = setInterval(run, everyMs)
  first.unref()
  timer.unref()
  return {
    stop: async () => {
      stopped = true
      clearTimeout(first)
      clearInterval(timer)
      await running
    }
  }
}
