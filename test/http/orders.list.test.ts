import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedOrders, type SeedOrder } from '../helpers/seed-orders.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'

const DAY1 = new Date('2026-11-01T10:00:00.000Z')
const DAY2 = new Date('2026-11-02T10:00:00.000Z')
const DAY3 = new Date('2026-11-03T10:00:00.000Z')

const ORDERS: SeedOrder[] = [
  { orderNumber: 'A-1', at: DAY1, source: 'discord', fields: { product: 'Nike Dunk Low Panda', store: 'Nike', profile: 'main', proxyList: 'resi-1', status: 'pending', total: '110.00', email: 'ann@example.com', customerName: 'Ann Lee' } },
  { orderNumber: 'A-2', at: DAY2, source: 'shopify', fields: { product: 'Yeezy Slide', store: 'Adidas', profile: 'alt', proxyList: 'isp-2', status: 'shipped', total: '70.00', trackingNumber: '1Z999AA10123456784', carrier: 'UPS' } },
  { orderNumber: 'A-3', at: DAY3, source: 'discord', fields: { product: 'Pokemon 151 Booster Box', store: 'Target', profile: 'main', proxyList: 'resi-1', status: 'cancelled', total: '5.00', referenceNumber: 'REF_50%OFF' } },
  { orderNumber: 'B-4', at: DAY3, source: 'generic', fields: { product: 'PS5 Slim', store: 'Walmart', status: 'delivered', total: '499.99', email: 'Bob@Example.com' }, trackings: [{ number: '9400111899223100000000', carrier: 'USPS' }] }
]

async function numbers (app: TestApp['app'], query: string): Promise<string[]> {
  const res = await app.inject({ method: 'GET', url: `/api/v2/orders${query}` })
  expect(res.statusCode, res.body).toBe(200)
  return (res.json() as { orders: Array<{ order_number: string }> }).orders.map((o) => o.order_number)
}

for (const kind of testDatabases()) {
  describe(`orders list (${kind})`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await buildTestApp(kind)
      await seedOrders(t.store, ORDERS)
    })
    afterAll(async () => { await t.close() })

    it('lists orders newest first, as snake_case JSON with money as strings', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v2/orders' })
      const body = res.json() as { success: boolean, orders: Array<Record<string, unknown>>, next_cursor: string | null }
      expect(body.success).toBe(true)
      expect(body.next_cursor).toBeNull()
      expect(body.orders.map((o) => o.order_number)).toEqual(['B-4', 'A-3', 'A-2', 'A-1'])
      expect(body.orders[3]).toMatchObject({
        order_number: 'A-1',
        product: 'Nike Dunk Low Panda',
        total: '110.00',
        proxy_list: 'resi-1',
        customer_name: 'Ann Lee',
        source: 'discord',
        status: 'pending',
        extra: {},
        created_at: DAY1.toISOString(),
        price: null
      })
    })

    it('filters by status (one or several), source, store, profile and proxy list', async () => {
      expect(await numbers(t.app, '?status=shipped')).toEqual(['A-2'])
      expect(await numbers(t.app, '?status=shipped,cancelled')).toEqual(['A-3', 'A-2'])
      expect(await numbers(t.app, '?source=discord')).toEqual(['A-3', 'A-1'])
      // Sources are ROMS's names; a person types them capitalised.
      expect(await numbers(t.app, '?source=Discord')).toEqual(['A-3', 'A-1'])
      expect(await numbers(t.app, '?store=Walmart')).toEqual(['B-4'])
      expect(await numbers(t.app, '?profile=main&proxy_list=resi-1')).toEqual(['A-3', 'A-1'])
    })

    it('filters by a created_at range, a date alone for `to` meaning the whole day', async () => {
      expect(await numbers(t.app, '?from=2026-11-02&to=2026-11-02')).toEqual(['A-2'])
      expect(await numbers(t.app, '?from=2026-11-02T10:00:00Z')).toEqual(['B-4', 'A-3', 'A-2'])
      expect(await numbers(t.app, '?to=2026-11-02T10:00:00Z')).toEqual(['A-1'])
    })

    it('searches order number, product, email, name, reference and tracking numbers, ignoring case', async () => {
      expect(await numbers(t.app, '?q=dunk')).toEqual(['A-1'])
      expect(await numbers(t.app, '?q=bob@example')).toEqual(['B-4'])
      expect(await numbers(t.app, '?q=ann lee')).toEqual(['A-1'])
      expect(await numbers(t.app, '?q=b-4')).toEqual(['B-4'])
      expect(await numbers(t.app, '?q=1z999')).toEqual(['A-2'])
      expect(await numbers(t.app, '?q=94001118992231')).toEqual(['B-4'])
    })

    it('treats % and _ in the search as plain characters', async () => {
      expect(await numbers(t.app, `?q=${encodeURIComponent('50%OFF')}`)).toEqual(['A-3'])
      expect(await numbers(t.app, `?q=${encodeURIComponent('%')}`)).toEqual(['A-3'])
      expect(await numbers(t.app, `?q=${encodeURIComponent('R_F')}`)).toEqual([])
    })

    it('sorts by total and by order date in both directions', async () => {
      expect(await numbers(t.app, '?sort=total&order=asc')).toEqual(['A-3', 'A-2', 'A-1', 'B-4'])
      expect(await numbers(t.app, '?sort=total')).toEqual(['B-4', 'A-1', 'A-2', 'A-3'])
      expect(await numbers(t.app, '?sort=order_date&order=asc')).toEqual(['A-1', 'A-2', 'A-3', 'B-4'])
    })

    it('refuses a malformed date, an unknown sort, a limit above 500 and a forged cursor with 400', async () => {
      for (const query of ['?from=yesterday', '?sort=email', '?limit=501', '?cursor=bm9wZQ', '?colour=red']) {
        const res = await t.app.inject({ method: 'GET', url: `/api/v2/orders${query}` })
        expect(res.statusCode, query).toBe(400)
        expect(res.json()).toMatchObject({ success: false, error: { code: expect.any(String) } })
      }
    })
  })
}
