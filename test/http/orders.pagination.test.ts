import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedOrders, type SeedOrder } from '../helpers/seed-orders.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'

// Three arrival times and four totals shared by many orders: a page boundary falls inside runs of equal sort keys.
const TIMES = ['2026-11-01T09:00:00.000Z', '2026-11-01T09:00:01.000Z', '2026-11-01T09:00:02.000Z']
const TOTALS = ['9.99', '10.00', '100.00', '0.01']
const ORDERS: SeedOrder[] = Array.from({ length: 120 }, (_, i) => ({
  orderNumber: `P-${String(i).padStart(3, '0')}`,
  at: new Date(TIMES[i % TIMES.length] ?? ''),
  fields: { total: TOTALS[i % TOTALS.length], ...(i % 5 === 0 ? {} : { orderDate: `2026-10-${String(1 + (i % 3)).padStart(2, '0')}T00:00:00.000Z` }), store: i % 2 === 0 ? 'Nike' : 'Target' }
}))

interface Page { orders: Array<{ order_number: string, total: string }>, next_cursor: string | null }

async function allPages (app: TestApp['app'], query: string): Promise<{ numbers: string[], pages: number }> {
  const numbers: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const url: string = `/api/v2/orders?limit=7${query}${cursor === null ? '' : `&cursor=${cursor}`}`
    const res = await app.inject({ method: 'GET', url })
    expect(res.statusCode, res.body).toBe(200)
    const page = res.json() as Page
    numbers.push(...page.orders.map((o) => o.order_number))
    cursor = page.next_cursor
    pages++
  } while (cursor !== null && pages < 100)
  return { numbers, pages }
}

for (const kind of testDatabases()) {
  describe(`orders pagination (${kind})`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await buildTestApp(kind)
      await seedOrders(t.store, ORDERS)
    })
    afterAll(async () => { await t.close() })

    for (const query of ['', '&order=asc', '&sort=total', '&sort=total&order=asc', '&sort=order_date', '&store=Nike&sort=total']) {
      it(`walks every order exactly once across pages (${query === '' ? 'default sort' : query})`, async () => {
        const { numbers, pages } = await allPages(t.app, query)
        const expected = query.includes('store=Nike') ? ORDERS.filter((_, i) => i % 2 === 0).length : ORDERS.length
        expect(new Set(numbers).size).toBe(numbers.length)
        expect(numbers).toHaveLength(expected)
        expect(pages).toBe(Math.ceil(expected / 7))
      })
    }

    it('keeps pages in sort order, ties broken by id', async () => {
      const { numbers } = await allPages(t.app, '&sort=total&order=asc')
      const full = (await t.app.inject({ method: 'GET', url: '/api/v2/orders?limit=500&sort=total&order=asc' })).json() as Page
      expect(numbers).toEqual(full.orders.map((o) => o.order_number))
      const totals = full.orders.map((o) => Number(o.total))
      expect(totals).toEqual([...totals].sort((a, b) => a - b))
    })

    it('refuses a cursor from another sort', async () => {
      const first = (await t.app.inject({ method: 'GET', url: '/api/v2/orders?limit=7' })).json() as Page
      const res = await t.app.inject({ method: 'GET', url: `/api/v2/orders?limit=7&sort=total&cursor=${first.next_cursor ?? ''}` })
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ error: { code: 'INVALID_QUERY', field: 'cursor' } })
    })
  })
}
