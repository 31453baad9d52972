import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedOrders, type SeedOrder } from '../helpers/seed-orders.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'

const DAY1 = new Date('2026-11-01T12:00:00.000Z')
const DAY2 = new Date('2026-11-02T12:00:00.000Z')

const DIMES: SeedOrder[] = Array.from({ length: 10_000 }, (_, i) => ({
  orderNumber: `D-${i}`, at: DAY1, fields: { total: '0.10', commission: '0.01', status: 'pending', store: 'Dimes', profile: 'p1', proxyList: 'resi' }
}))
const OTHERS: SeedOrder[] = [
  { orderNumber: 'O-1', at: DAY2, fields: { total: '1299.99', commission: '300.00', status: 'shipped', store: 'Nike', profile: 'p2', proxyList: 'isp' } },
  { orderNumber: 'O-2', at: DAY2, fields: { total: '0.07', status: 'cancelled', store: 'Nike', profile: 'p2', proxyList: 'isp' } },
  { orderNumber: 'O-3', at: DAY2, fields: { status: 'pending' } }
]

interface Stats {
  orders: number
  by_status: Record<string, number>
  spend: string
  commission: string
  per_day: Array<{ day: string, orders: number, spend: string }>
  by_store: Array<{ key: string | null, checkouts: number, spend: string, cancellations: number }>
  by_profile: Array<{ key: string | null, checkouts: number }>
  by_proxy_list: Array<{ key: string | null, checkouts: number }>
}

async function stats (app: TestApp['app'], query = ''): Promise<Stats> {
  const res = await app.inject({ method: 'GET', url: `/api/v2/orders/stats${query}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as Stats
}

for (const kind of testDatabases()) {
  describe(`order stats (${kind})`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await buildTestApp(kind)
      await seedOrders(t.store, [...DIMES, ...OTHERS])
    })
    afterAll(async () => { await t.close() })

    it('sums 10,000 totals of 0.10 to exactly 1000.00', async () => {
      const day1 = await stats(t.app, '?from=2026-11-01&to=2026-11-01')
      expect(day1).toMatchObject({ orders: 10_000, spend: '1000.00', commission: '100.00', by_status: { pending: 10_000 } })
      expect(day1.per_day).toEqual([{ day: '2026-11-01', orders: 10_000, spend: '1000.00' }])
    })

    it('leaves cancelled orders out of spend but counts them as cancellations', async () => {
      const all = await stats(t.app)
      expect(all).toMatchObject({ orders: 10_003, spend: '2299.99', commission: '400.00', by_status: { pending: 10_001, shipped: 1, cancelled: 1 } })
      expect(all.per_day).toEqual([
        { day: '2026-11-01', orders: 10_000, spend: '1000.00' },
        { day: '2026-11-02', orders: 3, spend: '1299.99' }
      ])
      expect(all.by_store).toEqual([
        { key: 'Dimes', checkouts: 10_000, spend: '1000.00', cancellations: 0 },
        { key: 'Nike', checkouts: 2, spend: '1299.99', cancellations: 1 },
        { key: null, checkouts: 1, spend: '0.00', cancellations: 0 }
      ])
      expect(all.by_profile[0]).toMatchObject({ key: 'p1', checkouts: 10_000 })
      expect(all.by_proxy_list.map((g) => g.key)).toEqual(['resi', 'isp', null])
    })

    it('answers zeros for an empty range', async () => {
      expect(await stats(t.app, '?from=2030-01-01')).toMatchObject({ orders: 0, spend: '0.00', commission: '0.00', per_day: [], by_store: [] })
    })
  })
}
