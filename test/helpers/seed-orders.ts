import { applyPatch } from '../../src/orders/apply-patch.ts'
import { normalizePatch } from '../../src/orders/normalize-patch.ts'
import type { RawOrderPatch } from '../../src/orders/order-patch.ts'
import type { Store } from '../../src/store/open-store.ts'

export interface SeedOrder extends RawOrderPatch {
  /** When ROMS received it: the order's created_at. */
  at: Date
  source?: string
}

const PER_JOB = 500

/** Stores orders through applyPatch in a few large transactions: thousands per second, unlike one HTTP call each. */
export async function seedOrders (store: Store, orders: readonly SeedOrder[]): Promise<void> {
  const jobs: Array<Promise<void>> = []
  for (let start = 0; start < orders.length; start += PER_JOB) {
    const chunk = orders.slice(start, start + PER_JOB)
    jobs.push(store.writer.write(async (db) => {
      for (const order of chunk) {
        await applyPatch(db, normalizePatch(order), { source: order.source ?? 'generic', deliveryId: null, now: order.at })
      }
    }))
  }
  await Promise.all(jobs)
}
