import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedOrders } from '../helpers/seed-orders.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'

const DAY1 = new Date('2026-11-01T12:00:00.000Z')
const DAY2 = new Date('2026-11-02T12:00:00.000Z')
const DAY3 = new Date('2026-11-03T12:00:00.000Z')

for (const kind of testDatabases()) {
  describe(`the currencies the stats add up (${kind})`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await buildTestApp(kind)
      await seedOrders(t.store, [
        { orderNumber: 'C-1', at: DAY1, fields: { total: '10.00', currency: 'USD', status: 'pending' } },
        { orderNumber: 'C-2', at: DAY1, fields: { total: '20.00', currency: 'USD', status: 'shipped' } },
        { orderNumber: 'C-3', at: DAY2, fields: { total: '45.50', currency: 'EUR', status: 'pending' } },
        { orderNumber: 'C-4', at: DAY2, fields: { total: '5.00', currency: 'GBP', status: 'cancelled' } },
        { orderNumber: 'C-5', at: DAY3, fields: { total: '7.00', status: 'pending' } }
      ])
    })
    afterAll(async () => { await t.close() })

    async function currenciesOf (query: string): Promise<unknown> {
      const res = await t.app.inject({ method: 'GET', url: `/api/v2/orders/stats${query}` })
      expect(res.statusCode, res.body).toBe(200)
      return (res.json() as { currencies: unknown }).currencies
    }

    it.each([
      ['?from=2026-11-01&to=2026-11-01', ['USD']],
      ['?from=2026-11-02&to=2026-11-02', ['EUR']],
      ['?from=2026-11-01&to=2026-11-02', ['EUR', 'USD']],
      ['?from=2026-11-03', [null]],
      ['', ['EUR', 'USD', null]],
      ['?from=2026-12-01', []]
    ])('lists for %s the currencies of the orders spend counts, leaving out void ones (GBP is cancelled)', async (query, currencies) => {
      expect(await currenciesOf(query)).toEqual(currencies)
    })
  })
}
