import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedOrders } from '../helpers/seed-orders.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'

for (const kind of testDatabases()) {
  describe(`order filter values (${kind})`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await buildTestApp(kind)
      await seedOrders(t.store, [
        { orderNumber: 'F-1', at: new Date('2026-03-01T10:00:00.000Z'), fields: { store: 'Nike', status: 'pending' } },
        { orderNumber: 'F-2', at: new Date('2026-03-02T10:00:00.000Z'), fields: { store: 'Adidas', status: 'shipped' } }
      ])
    })
    afterAll(async () => { await t.close() })

    it.each([
      ['/api/v2/orders/stats?from=2026-02-30', 'from'],
      ['/api/v2/orders/stats?to=2026-02-29', 'to'],
      ['/api/v2/orders?from=2026-11-31', 'from'],
      ['/api/v2/orders?to=2026-04-31T10:00:00Z', 'to'],
      ['/api/v2/orders/export.csv?from=2026-06-31', 'from'],
      ['/api/v2/orders?from=2026-13-01', 'from']
    ])('refuses a day the calendar does not have: %s is 400 naming %s', async (url, field) => {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json()).toMatchObject({ success: false, error: { code: 'INVALID_QUERY', field } })
    })

    it.each([
      ['/api/v2/orders/stats?from=1', 'from'],
      ['/api/v2/orders/stats?to=12', 'to'],
      ['/api/v2/orders?from=2026', 'from'],
      ['/api/v2/orders?from=hello%202026', 'from'],
      ['/api/v2/orders?to=Nov%2030%202026', 'to'],
      ['/api/v2/orders/export.csv?from=2026-11', 'from'],
      ['/api/v2/webhooks/logs?since=1', 'since']
    ])('refuses %s, no ISO 8601 date though JavaScript guesses one (from=1 as 2001-01-01): 400 naming %s', async (url, field) => {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json()).toMatchObject({ success: false, error: { code: 'INVALID_QUERY', field } })
    })

    it.each([
      ['from=2026-11-30%2010:00', '2026-11-30T10:00:00.000Z'],
      ['from=2026-11-30T10:00:00.5%2B01:00', '2026-11-30T09:00:00.500Z'],
      ['from=2026-11-30T10:00:00-0500', '2026-11-30T15:00:00.000Z'],
      ['from=2026-11-30t10:00z', '2026-11-30T10:00:00.000Z']
    ])('still reads every ISO 8601 and RFC 3339 spelling of a date-time: %s', async (query, from) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v2/orders/stats?${query}` })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toMatchObject({ from })
    })

    it('accepts the 29th of February in a leap year', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v2/orders/stats?from=2028-02-29' })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toMatchObject({ from: '2028-02-29T00:00:00.000Z', orders: 0 })
    })

    // Stored times are ISO text compared as text: a year past 9999 is written '+010000-…', which sorts before '2026-…'.
    it.each([
      ['to=9999-12-31', ['F-2', 'F-1']],
      ['from=0001-01-01&to=9999-12-31', ['F-2', 'F-1']],
      ['to=10000-01-01', ['F-2', 'F-1']],
      ['to=%2B275760-09-13', ['F-2', 'F-1']],
      ['from=10000-01-01', []],
      ['from=%2B275760-09-13T00:00:00Z', []],
      ['from=-000001-01-01', ['F-2', 'F-1']],
      ['to=-000001-01-01', []],
      ['from=9999-12-31T23:00:00-05:00', []]
    ])('reads a bound far in the past or the future as such: %s', async (query, expected) => {
      const list = await t.app.inject({ method: 'GET', url: `/api/v2/orders?${query}` })
      expect(list.statusCode, list.body).toBe(200)
      expect((list.json() as { orders: Array<{ order_number: string }> }).orders.map((o) => o.order_number)).toEqual(expected)
      const stats = await t.app.inject({ method: 'GET', url: `/api/v2/orders/stats?${query}` })
      expect(stats.json()).toMatchObject({ orders: expected.length })
      const logs = await t.app.inject({ method: 'GET', url: `/api/v2/webhooks/logs?${query.replace('from=', 'since=').replace('to=', 'until=')}` })
      expect(logs.statusCode, logs.body).toBe(200)
    })

    it.each(['store', 'source', 'profile', 'proxy_list', 'status', 'q', 'from', 'to'])('ignores an empty %s, as a form sends it', async (name) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v2/orders?${name}=` })
      expect(res.statusCode, res.body).toBe(200)
      expect((res.json() as { orders: Array<{ order_number: string }> }).orders.map((o) => o.order_number)).toEqual(['F-2', 'F-1'])
    })

    it('ignores empty filters in the export and the stats alike', async () => {
      const csv = await t.app.inject({ method: 'GET', url: '/api/v2/orders/export.csv?store=&profile=&from=' })
      expect(csv.statusCode).toBe(200)
      expect(csv.body).toContain('F-1')
      expect(csv.body).toContain('F-2')
      const stats = await t.app.inject({ method: 'GET', url: '/api/v2/orders/stats?from=&to=' })
      expect(stats.json()).toMatchObject({ from: null, to: null, orders: 2 })
    })
  })
}
