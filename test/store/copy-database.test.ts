import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyPatch } from '../../src/orders/apply-patch.ts'
import { normalizePatch } from '../../src/orders/normalize-patch.ts'
import type { RawOrderPatch } from '../../src/orders/order-patch.ts'
import { copyDatabase } from '../../src/store/copy-database.ts'
import { claimDeliveryKey, insertDeliveryLog, linkDeliveryKey } from '../../src/store/delivery-log-repository.ts'
import type { Store } from '../../src/store/open-store.ts'
import { findItems, findOrderForUpdate, findTrackings } from '../../src/store/order-repository.ts'
import { openTestStore, type TestStore, testDatabases } from '../helpers/test-database.ts'

const NOW = new Date('2026-12-01T10:00:00.000Z')
const TABLES = ['orders', 'order_items', 'order_tracking', 'webhook_logs', 'order_events', 'processed_deliveries'] as const

async function deliver (store: Store, raw: RawOrderPatch, key: string): Promise<void> {
  await store.writer.write(async (db) => {
    const logId = await insertDeliveryLog(db, {
      receivedAt: NOW,
      source: 'generic',
      method: 'POST',
      path: '/api/v2/webhooks/orders',
      contentType: 'application/json',
      headers: {},
      rawBody: Buffer.from(JSON.stringify(raw)),
      statusCode: 200,
      outcome: 'received',
      deliveryKey: key
    })
    await claimDeliveryKey(db, key, NOW)
    await linkDeliveryKey(db, key, logId)
    await applyPatch(db, normalizePatch(raw), { source: 'generic', deliveryId: logId, now: NOW })
  })
}

async function snapshot (store: Store, orderNumber: string): Promise<unknown> {
  const order = await findOrderForUpdate(store.db, orderNumber)
  if (order === undefined) return undefined
  return { order, items: await findItems(store.db, order.id), trackings: await findTrackings(store.db, order.id) }
}

async function countRows (store: Store, table: typeof TABLES[number]): Promise<number> {
  const row = await store.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

describe.each(testDatabases())('copying a SQLite database to %s', (kind) => {
  let source: TestStore
  let target: TestStore
  beforeEach(async () => {
    source = await openTestStore('sqlite')
    target = await openTestStore(kind)
    for (let n = 1; n <= 7; n++) {
      await deliver(source.store, {
        orderNumber: `COPY-${n}`,
        fields: { product: `Dunk Low ${n}`, price: `${n}09.99`, status: 'confirmed' },
        items: [{ title: 'Dunk Low', variant: '10', quantity: 1, unitPrice: '109.99' }],
        trackings: [{ number: `1Z999AA1012345678${n}`, carrier: 'UPS' }]
      }, `key-${n}`)
    }
    await deliver(source.store, { orderNumber: 'COPY-3', fields: { status: 'shipped', commission: '12.5' } }, 'key-again')
  })
  afterEach(async () => {
    await target.cleanup()
    await source.cleanup()
  })

  it('copies every table in batches, ids kept, values equal', async () => {
    const counts = await copyDatabase(source.store, target.store, { batchSize: 3 })
    for (const table of TABLES) {
      expect(counts[table], table).toBe(await countRows(source.store, table))
      expect(await countRows(target.store, table), table).toBe(counts[table])
    }
    expect(counts).toMatchObject({ orders: 7, order_events: 8, webhook_logs: 8, processed_deliveries: 8 })
    for (let n = 1; n <= 7; n++) expect(await snapshot(target.store, `COPY-${n}`)).toEqual(await snapshot(source.store, `COPY-${n}`))
  })

  it('lets new orders continue after the highest copied id', async () => {
    await copyDatabase(source.store, target.store)
    await deliver(target.store, { orderNumber: 'AFTER-COPY', fields: { product: 'Jordan 1' } }, 'key-after')
    const order = await findOrderForUpdate(target.store.db, 'AFTER-COPY')
    expect(order?.id).toBe(8)
  })

  it('finishes an interrupted copy when run again, without doubling anything', async () => {
    await copyDatabase(source.store, target.store)
    await copyDatabase(source.store, target.store)
    for (const table of TABLES) expect(await countRows(target.store, table), table).toBe(await countRows(source.store, table))
  })
})
