import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { storeDelivery } from '../src/intake/store-delivery.ts'
import { readFlatOrder } from '../src/intake/readers/read-flat-order.ts'
import { normalizePatch } from '../src/orders/normalize-patch.ts'
import type { RawOrderPatch } from '../src/orders/order-patch.ts'
import { foldOrderChanges } from '../src/store/dialects/sqlite-order-fold.ts'
import { openStore, type Store } from '../src/store/open-store.ts'
import { newOrderPayload } from './load.ts'

// The database half of a delivery alone, without HTTP: process CPU per delivery (worker threads included), which stays
// meaningful on a busy machine where wall-clock rates do not. `npx tsx bench/write-cost.ts [deliveries] [runs]`: a fresh
// SQLite file (WAL, synchronous=FULL, temp_store=MEMORY, as the store opens it), batches of 64 in one transaction.

const DELIVERIES = Number(process.argv[2] ?? 40_000)
const RUNS = Number(process.argv[3] ?? 3)
const BATCH = 64

/** The write bench's mix (bench/load.ts): 80% new orders, 20% updates that ship an earlier order with a tracking number. */
function nextPatch (sent: number, created: number): RawOrderPatch {
  if (created > 10 && sent % 5 === 0) {
    const n = (sent * 7919) % created
    return { orderNumber: `W-${n}`, fields: { status: 'shipped', trackingNumber: `1Z${String(sent).padStart(16, '0')}` } }
  }
  return readFlatOrder(newOrderPayload(`W-${created}`, created))
}

/** CPU µs per delivery on a fresh, migrated SQLite file; `prepare` may change the schema first (to compare). */
export async function measureWriteCost (deliveries: number, prepare?: (store: Store) => Promise<void>): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'roms-write-cost-'))
  const store = openStore(join(dir, 'write.db'))
  try {
    await store.migrate()
    await prepare?.(store)
    let created = 0
    const started = process.cpuUsage()
    for (let sent = 1; sent <= deliveries; sent += BATCH) {
      const jobs = []
      for (let i = sent; i < Math.min(sent + BATCH, deliveries + 1); i++) {
        const raw = nextPatch(i, created)
        if (raw.orderNumber === `W-${created}`) created++
        const body = Buffer.from(JSON.stringify(raw))
        const now = new Date()
        jobs.push(store.writer.write(async (db) => await storeDelivery(db, {
          log: {
            receivedAt: now,
            source: 'generic',
            method: 'POST',
            path: '/api/v2/webhooks/orders',
            contentType: 'application/json',
            headers: { 'content-type': 'application/json' },
            rawBody: body,
            statusCode: 200
          },
          patch: normalizePatch(raw),
          now
        })))
      }
      await Promise.all(jobs)
    }
    // The store folds orders into the search index and daily stats in the background; what is left is counted too.
    for (let more = true; more;) more = await store.writer.write(async (db) => await foldOrderChanges(db))
    const used = process.cpuUsage(started)
    return (used.user + used.system) / deliveries
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures: number[] = []
  for (let run = 0; run < RUNS; run++) figures.push(await measureWriteCost(DELIVERIES))
  const sorted = [...figures].sort((a, b) => a - b)
  console.log(`CPU per delivery over ${DELIVERIES} deliveries, batches of ${BATCH}: ${figures.map((f) => `${f.toFixed(0)} µs`).join(', ')}; median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} µs`)
}
