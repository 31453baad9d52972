import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { postDelivery, postJson } from '../helpers/post-order.ts'

for (const kind of testDatabases()) {
  describe(`data rules (${kind})`, () => {
    let t: TestApp
    beforeAll(async () => { t = await buildTestApp(kind) })
    afterAll(async () => { await t.close() })

    const order = async (orderNumber: string): Promise<Record<string, unknown>> =>
      await t.store.db.kysely.selectFrom('orders').selectAll().where('order_number', '=', orderNumber).executeTakeFirstOrThrow()
    const eventCount = async (): Promise<number> => (await t.store.db.kysely.selectFrom('order_events').select('id').execute()).length

    it('stores a numeric order_number trimmed, as text, and answers it as a string', async () => {
      const res = await postDelivery(t.app, '{"order_number": 98765}')
      expect(res.json().order_number).toBe('98765')
      expect((await postJson(t.app, { order_number: '  98765  ', product: 'X' })).json()).toMatchObject({ order_number: '98765', action: 'updated' })
    })

    it('reads money written as strings with symbols and separators, exactly', async () => {
      await postJson(t.app, { order_number: 'M-1', price: '$1,299.00', total: '1299', commission: 'USD 12.5' })
      const o = await order('M-1')
      expect([o.price, o.total, o.commission].map((v) => Number(v).toFixed(2))).toEqual(['1299.00', '1299.00', '12.50'])
    })

    it('reads money written the European ways', async () => {
      await postJson(t.app, { order_number: 'M-EU', price: '1.299,50 €', total: '1\u00a0309,49\u00a0€', commission: "CHF 1'000.05" })
      const o = await order('M-EU')
      expect([o.price, o.total, o.commission].map((v) => Number(v).toFixed(2))).toEqual(['1299.50', '1309.49', '1000.05'])
    })

    it('reads quantity as an integer or an integer string', async () => {
      await postJson(t.app, { order_number: 'Q-1', quantity: '3' })
      expect((await order('Q-1')).quantity).toBe(3)
    })

    it.each([
      ['2024-10-27T10:30:00Z', '2024-10-27T10:30:00.000Z'],
      ['2024-10-27T12:30:00+02:00', '2024-10-27T10:30:00.000Z'],
      ['2024-10-27T10:30:00', '2024-10-27T10:30:00.000Z'],
      [1729996200, '2024-10-27T02:30:00.000Z'],
      [1729996200123, '2024-10-27T02:30:00.123Z'],
      ['1729996200', '2024-10-27T02:30:00.000Z']
    ])('stores the date %s as %s', async (input, stored) => {
      const n = `DATE-${String(input)}`
      await postJson(t.app, { order_number: n, order_date: input })
      expect((await order(n)).order_date).toBe(stored)
    })

    it('stores status lower-case and trimmed', async () => {
      await postJson(t.app, { order_number: 'S-1', status: '  Shipped ' })
      expect((await order('S-1')).status).toBe('shipped')
    })

    it('stores another word for a documented status as that status, and finds it by either word', async () => {
      const sent = [['S-2', 'In Transit', 'shipped'], ['S-3', 'out_for_delivery', 'shipped'], ['S-4', 'canceled', 'cancelled'], ['S-5', 'completed', 'shipped'], ['S-6', 'Returned', 'returned']]
      for (const [n, status] of sent) expect((await postJson(t.app, { order_number: n, status })).statusCode).toBe(200)
      for (const [n, , stored] of sent) expect((await order(n ?? '')).status, n).toBe(stored)
      const listed = async (query: string): Promise<string[]> =>
        ((await t.app.inject({ url: `/api/v2/orders?limit=100&${query}` })).json().orders as Array<{ order_number: string }>).map((o) => o.order_number).filter((n) => /^S-[2-6]$/.test(n)).sort()
      expect(await listed('status=in%20transit')).toEqual(['S-2', 'S-3', 'S-5'])
      expect(await listed('status=shipped')).toEqual(['S-2', 'S-3', 'S-5'])
      expect(await listed('status=Canceled')).toEqual(['S-4'])
    })

    it('leaves a stored value alone when a field is absent or null', async () => {
      await postJson(t.app, { order_number: 'N-1', product: 'Jordan 4', email: 'a@example.com' })
      await postJson(t.app, { order_number: 'N-1', product: null, status: 'shipped' })
      expect(await order('N-1')).toMatchObject({ product: 'Jordan 4', email: 'a@example.com', status: 'shipped' })
    })

    it('keeps fields the mapping does not know in extra', async () => {
      await postJson(t.app, { order_number: 'E-1', shoe_color: 'Bred', nested: { a: [1, 2] } })
      expect(JSON.parse((await order('E-1')).extra as string)).toEqual({ shoe_color: 'Bred', nested: { a: [1, 2] } })
    })

    it('answers unchanged with no new event when nothing changed', async () => {
      await postJson(t.app, { order_number: 'U-1', product: 'Dunk Low', price: 110 })
      const before = await eventCount()
      const res = await postJson(t.app, { order_number: 'U-1', product: 'Dunk Low', price: '110.00' })
      expect(res.json()).toMatchObject({ success: true, action: 'unchanged' })
      expect(await eventCount()).toBe(before)
    })

    it('makes one order of two deliveries of the same new order number at the same moment', async () => {
      const results = await Promise.all([
        postJson(t.app, { order_number: 'RACE-1', product: 'Yeezy' }),
        postJson(t.app, { order_number: 'RACE-1', size: '10' })
      ])
      expect(results.map((r) => r.statusCode)).toEqual([200, 200])
      expect(results.map((r) => r.json().action).sort()).toEqual(['created', 'updated'])
      expect(await t.store.db.kysely.selectFrom('orders').select('id').where('order_number', '=', 'RACE-1').execute()).toHaveLength(1)
      expect(await order('RACE-1')).toMatchObject({ product: 'Yeezy', size: '10' })
    })

    it('reads a JSON body sent as text/plain, and flat form fields', async () => {
      expect((await postDelivery(t.app, '{"order_number":"TP-1"}', { 'content-type': 'text/plain' })).json().action).toBe('created')
      const form = await postDelivery(t.app, 'order_number=F-1&product=Air+Max&qty=2', { 'content-type': 'application/x-www-form-urlencoded' })
      expect(form.json().action).toBe('created')
      expect(await order('F-1')).toMatchObject({ product: 'Air Max', quantity: 2 })
    })

    it('keeps a number beyond a double as written, and names it when a field refuses it', async () => {
      expect((await postDelivery(t.app, '{"order_number":"E400-1","score":1e400}', { 'content-type': 'application/json' })).statusCode).toBe(200)
      const stored = await t.store.db.kysely.selectFrom('orders').select('extra').where('order_number', '=', 'E400-1').executeTakeFirstOrThrow()
      expect(JSON.parse(stored.extra)).toEqual({ score: '1e400' })
      const refused = await postDelivery(t.app, '{"order_number":"E400-2","total":1E+400}', { 'content-type': 'application/json' })
      expect(refused.statusCode).toBe(400)
      expect(refused.json().error).toMatchObject({ code: 'INVALID_FIELD', field: 'total' })
      expect(refused.json().error.message).toContain('1E+400')
    })

    it('reads a form\'s %XX escapes in the charset it declares, and refuses escapes that are not UTF-8 without one', async () => {
      const form = { 'content-type': 'application/x-www-form-urlencoded' }
      const latin1 = { 'content-type': 'application/x-www-form-urlencoded; charset=iso-8859-1' }
      expect((await postDelivery(t.app, 'order_number=FE-%E9&product=Caf%E9+cr%E8me', latin1)).json().action).toBe('created')
      expect(await order('FE-\u00e9')).toMatchObject({ product: 'Caf\u00e9 cr\u00e8me' })
      expect((await postDelivery(t.app, 'order_number=FE-%C3%A9&product=%E2%82%AC+50%+off', form)).json().action).toBe('updated')
      expect(await order('FE-\u00e9')).toMatchObject({ product: '\u20ac 50% off' })

      // Two different bytes used to become the same U+FFFD and land on one order.
      for (const body of ['order_number=FE-%E9', 'order_number=FE-%E8']) {
        const res = await postDelivery(t.app, body, form)
        expect(res.statusCode).toBe(400)
        expect(res.json().error.code).toBe('INVALID_ENCODING')
      }
    })
  })
}

describe('money is exact', () => {
  it('sums 10,000 orders of 0.10 to exactly 1000.00 and shows 99.99 in sqlite3', async () => {
    const t = await buildTestApp('sqlite')
    try {
      await t.store.writer.write(async (db) => {
        const rows = Array.from({ length: 10_000 }, (_, i) => ({
          order_number: `TEN-${i}`, total: '0.10', status: 'pending', source: 'test', extra: '{}', created_at: 'x', updated_at: 'x'
        }))
        for (let i = 0; i < rows.length; i += 500) await db.kysely.insertInto('orders').values(rows.slice(i, i + 500)).execute()
      })
      await postJson(t.app, { order_number: 'SHOW', price: 99.99 })
      const file = new Database(t.databaseUrl, { readonly: true })
      try {
        const cents = file.prepare("SELECT sum(cast(round(total * 100) AS INTEGER)) AS c FROM orders WHERE order_number LIKE 'TEN-%'").get() as { c: number }
        expect(cents.c).toBe(100_000)
        expect(file.prepare("SELECT price || '' AS p FROM orders WHERE order_number = 'SHOW'").get()).toEqual({ p: '99.99' })
      } finally {
        file.close()
      }
    } finally {
      await t.close()
    }
  })
})
