import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pruneDeliveries, schedulePruning } from '../../src/store/prune-deliveries.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'

const NOW = Date.parse('2026-12-01T00:00:00Z')
const DAY = 24 * 60 * 60 * 1000

for (const kind of testDatabases()) {
  describe(`pruning delivery records (${kind})`, () => {
    let t: TestApp
    let now = NOW
    beforeAll(async () => { t = await buildTestApp(kind, {}, { clock: () => new Date(now) }) })
    afterAll(async () => { await t.close() })

    const post = async (n: string, daysAgo: number, key: string): Promise<void> => {
      now = NOW - daysAgo * DAY
      const res = await t.app.inject({
        method: 'POST', url: '/api/v2/webhooks/orders', payload: `{"order_number":"${n}"}`, headers: { 'content-type': 'application/json', 'idempotency-key': key }
      })
      expect(res.statusCode).toBe(200)
    }
    const count = async (table: 'webhook_logs' | 'processed_deliveries' | 'orders' | 'order_events'): Promise<number> =>
      Number((await t.store.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

    it('deletes records older than the retention in small batches, keeps orders, events and young delivery ids', async () => {
      for (let i = 0; i < 25; i++) await post(`OLD-${i}`, 40, `old-${i}`)
      for (let i = 0; i < 5; i++) await post(`MID-${i}`, 5, `mid-${i}`)
      for (let i = 0; i < 5; i++) await post(`NEW-${i}`, 0, `new-${i}`)
      const orders = await count('orders')
      const events = await count('order_events')
      const report = await pruneDeliveries(t.store.writer, { retentionDays: 3, now: new Date(NOW), batchSize: 4 })
      expect(report).toEqual({ deliveries: 30, deliveryKeys: 25 })
      expect(await count('webhook_logs')).toBe(5)
      // Delivery ids are kept 7 days whatever the retention: a retry 5 days late is still a duplicate.
      expect(await count('processed_deliveries')).toBe(10)
      expect(await count('orders')).toBe(orders)
      expect(await count('order_events')).toBe(events)
      now = NOW
      const retry = await t.app.inject({
        method: 'POST', url: '/api/v2/webhooks/orders', payload: '{"order_number":"MID-0"}', headers: { 'content-type': 'application/json', 'idempotency-key': 'mid-0' }
      })
      expect(retry.json().action).toBe('duplicate')
    })

    it('lets deliveries through while it runs', async () => {
      for (let i = 0; i < 40; i++) await post(`BULK-${i}`, 60, `bulk-${i}`)
      now = NOW
      const pruning = pruneDeliveries(t.store.writer, { retentionDays: 30, now: new Date(NOW), batchSize: 2 })
      const during = await t.app.inject({ method: 'POST', url: '/api/v2/webhooks/orders', payload: '{"order_number":"DURING"}', headers: { 'content-type': 'application/json' } })
      expect(during.statusCode).toBe(200)
      expect((await pruning).deliveries).toBe(40)
    })

    it('runs on a timer that stop() ends', async () => {
      for (let i = 0; i < 3; i++) await post(`TIMED-${i}`, 90, `timed-${i}`)
      const done = new Promise<number>((resolve, reject) => {
        const schedule = schedulePruning(t.store.writer, {
          retentionDays: 30,
          clock: () => new Date(NOW),
          everyMs: 10,
          onDone: (report) => { schedule.stop().then(() => resolve(report.deliveries), reject) }
        })
      })
      expect(await done).toBe(3)
    })
  })
}
