import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedOrders, type SeedOrder } from '../helpers/seed-orders.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'

// Three arrival times and a few amounts shared by many orders: a page boundary falls inside runs of equal sort keys.
// An order without a total sorts by its price times its quantity, which a double does not hold exactly (0.10 x 3,
// 19.99 x 3): the same amount as a total, or none at all (0).
const TIMES = ['2026-11-01T09:00:00.000Z', '2026-11-01T09:00:01.000Z', '2026-11-01T09:00:02.000Z']
const AMOUNTS: Array<{ total?: string, price?: string, quantity?: number }> = [
  { total: '9.99' }, { total: '10.00' }, { total: '100.00' }, { total: '0.01' }, { total: '0.30' }, { price: '0.10', quantity: 3 },
  { total: '59.97' }, { price: '19.99', quantity: 3 }, { price: '10.00' }, {}
]
const ORDERS: SeedOrder[] = Array.from({ length: 120 }, (_, i) => ({
  orderNumber: `P-${String(i).padStart(3, '0')}`,
  at: new Date(TIMES[i % TIMES.length] ?? ''),
  fields: { ...AMOUNTS[i % AMOUNTS.length], ...(i % 7 === 0 ? {} : { orderDate: `2026-10-${String(1 + (i % 3)).padStart(2, '0')}T00:00:00.000Z` }), store: i % 2 === 0 ? 'Nike' : 'Target' }
}))

interface Page { orders: Array<{ order_number: string, total: string | null, price: string | null, quantity: number | null }>, next_cursor: string | null }

/** What an order is sorted by under sort=total, in cents. */
function amountCents (order: Page['orders'][number]): number {
  if (order.total !== null) return Math.round(Number(order.total) * 100)
  return order.price === null ? 0 : Math.round(Number(order.price) * 100) * (order.quantity ?? 1)
}

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
      const amounts = full.orders.map(amountCents)
      expect(amounts).toEqual([...amounts].sort((a, b) => a - b))
      expect(new Set(amounts)).toEqual(new Set([999, 1000, 10000, 1, 30, 5997, 0]))
    })

    it('refuses a cursor from another sort', async () => {
      const first = (await t.app.inject({ method: 'GET', url: '/api/v2/orders?limit=7' })).json() as Page
      const res = await t.app.inject({ method: 'GET', url: `/api/v2/orders?limit=7&sort=total&cursor=${first.next_cursor ?? ''}` })
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ error: { code: 'INVALID_QUERY', field: 'cursor' } })
    })

    // A cursor is opaque, but one cut short when a link was copied, or edited by hand, must not reach the database:
    // PostgreSQL refused an id beyond bigint and a NUL in the key (a 500), and a total that is no number matched anything.
    it.each([
      ['created_at', { k: '2026-11-01T09:00:00.000Z', i: 1e300 }],
      ['created_at', { k: '2026-11-01T09:00:00.000Z', i: -5 }],
      ['created_at', { k: '2026-11-01T09:00:00.000Z', i: 1.5 }],
      ['created_at', { k: '\u0000', i: 1 }],
      ['created_at', { k: 'not a date', i: 1 }],
      ['order_date', { k: '', i: 1 }],
      ['total', { k: 'x', i: 1 }],
      ['total', { k: '1e999', i: 1 }],
      ['total', { k: 'NaN', i: 1 }]
    ])('refuses a %s cursor whose key or id this server never gives out: %j', async (sort, data) => {
      const cursor = Buffer.from(JSON.stringify({ s: sort, d: 'desc', ...data })).toString('base64url')
      const res = await t.app.inject({ method: 'GET', url: `/api/v2/orders?limit=7&sort=${sort}&cursor=${cursor}` })
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json()).toEqual({ success: false, error: { code: 'INVALID_QUERY', message: 'cursor is not one this server gave out', field: 'cursor' } })
    })
  })
}
