import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { postJson } from '../helpers/post-order.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'

interface Detail {
  order: Record<string, unknown>
  items: Array<Record<string, unknown>>
  trackings: Array<{ tracking_number: string, carrier: string | null, url: string | null }>
  events: Array<{ type: string, source: string, delivery_id: number | null, changes: Array<{ field: string, old: unknown, new: unknown }> }>
  deliveries: Array<{ id: number, source: string, method: string, outcome: string }>
}

for (const kind of testDatabases()) {
  describe(`one order (${kind})`, () => {
    let t: TestApp
    beforeEach(async () => { t = await buildTestApp(kind) })
    afterEach(async () => { await t.close() })

    async function created (): Promise<number> {
      const first = await postJson(t.app, { order_number: 'SNK/1001', product: 'Jordan 4 Bred', total: '215.00', status: 'pending' })
      await postJson(t.app, { order_number: 'SNK/1001', status: 'shipped', tracking_number: '1Z999AA10123456784', carrier: 'UPS' })
      return (first.json() as { order_id: number }).order_id
    }

    it('shows the order with its tracking link, its timeline and the deliveries that touched it', async () => {
      const id = await created()
      const res = await t.app.inject({ method: 'GET', url: `/api/v2/orders/${id}` })
      expect(res.statusCode).toBe(200)
      const detail = res.json() as Detail
      expect(detail.order).toMatchObject({ id, order_number: 'SNK/1001', status: 'shipped', total: '215.00', carrier: 'UPS' })
      expect(detail.trackings).toEqual([{ tracking_number: '1Z999AA10123456784', carrier: 'UPS', url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' }])
      expect(detail.events.map((e) => e.type)).toEqual(['created', 'updated'])
      expect(detail.events[1]?.changes).toContainEqual({ field: 'status', old: 'pending', new: 'shipped' })
      expect(detail.deliveries.map((d) => d.outcome)).toEqual(['updated', 'created'])
      expect(detail.events[1]?.delivery_id).toBe(detail.deliveries[0]?.id)
    })

    it('finds the order by its number, URL-encoded', async () => {
      const id = await created()
      const res = await t.app.inject({ method: 'GET', url: `/api/v2/orders/by-number/${encodeURIComponent('SNK/1001')}` })
      expect(res.statusCode).toBe(200)
      expect((res.json() as Detail).order.id).toBe(id)
    })

    it('finds order 1001 when asked for #1001, as shops write it', async () => {
      const res = await postJson(t.app, { order_number: '#HASH-7', product: 'Dunk' })
      const found = await t.app.inject({ method: 'GET', url: `/api/v2/orders/by-number/${encodeURIComponent('#HASH-7')}` })
      expect(found.statusCode).toBe(200)
      expect((found.json() as Detail).order.id).toBe(res.json().order_id)
    })

    it('answers 404 for an unknown id or number', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/api/v2/orders/999' })).statusCode).toBe(404)
      const res = await t.app.inject({ method: 'GET', url: '/api/v2/orders/by-number/nope' })
      expect(res.statusCode).toBe(404)
      expect(res.json()).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } })
    })

    it('applies a hand correction as source manual, with its own delivery record and event', async () => {
      const id = await created()
      const res = await t.app.inject({ method: 'PATCH', url: `/api/v2/orders/${id}`, payload: { status: 'Delivered', commission: '40', extra: { note: 'checked' } } })
      expect(res.statusCode, res.body).toBe(200)
      const body = res.json() as { action: string, delivery_id: number, order: Record<string, unknown> }
      expect(body).toMatchObject({ action: 'updated', order: { status: 'delivered', commission: '40.00', extra: { note: 'checked' } } })

      const detail = (await t.app.inject({ method: 'GET', url: `/api/v2/orders/${id}` })).json() as Detail
      const last = detail.events[detail.events.length - 1]
      expect(last).toMatchObject({ type: 'updated', source: 'manual', delivery_id: body.delivery_id })
      expect(last?.changes).toContainEqual({ field: 'status', old: 'shipped', new: 'delivered' })
      expect(detail.deliveries[0]).toMatchObject({ id: body.delivery_id, source: 'manual', method: 'PATCH', outcome: 'updated' })
    })

    it('answers each correction with the order as that correction left it, even when others arrive at once', async () => {
      const id = await created()
      const statuses = ['confirmed', 'delivered', 'cancelled', 'refunded', 'processing']
      const answers = await Promise.all(statuses.map(async (status) =>
        await t.app.inject({ method: 'PATCH', url: `/api/v2/orders/${id}`, payload: { status } })))
      for (const [i, res] of answers.entries()) {
        expect(res.statusCode, res.body).toBe(200)
        expect(res.json(), statuses[i]).toMatchObject({ action: 'updated', order: { status: statuses[i] } })
      }
    })

    it('answers unchanged when the correction changes nothing', async () => {
      const id = await created()
      const res = await t.app.inject({ method: 'PATCH', url: `/api/v2/orders/${id}`, payload: { status: 'shipped' } })
      expect(res.json()).toMatchObject({ action: 'unchanged' })
    })

    it('refuses a correction with an unknown field, a null, a new order number or a bad amount, naming the field', async () => {
      const id = await created()
      const cases: Array<[unknown, string]> = [
        [{ stauts: 'shipped' }, 'stauts'],
        [{ tracking_number: null }, 'tracking_number'],
        [{ order_number: 'OTHER' }, 'order_number'],
        [{ total: 'lots' }, 'total']
      ]
      for (const [payload, field] of cases) {
        const res = await t.app.inject({ method: 'PATCH', url: `/api/v2/orders/${id}`, payload: payload as Record<string, unknown> })
        expect(res.statusCode, JSON.stringify(payload)).toBe(400)
        expect(res.json()).toMatchObject({ success: false, error: { field } })
      }
      expect((await t.app.inject({ method: 'PATCH', url: '/api/v2/orders/999', payload: { status: 'x' } })).statusCode).toBe(404)
    })

    it('reads a correction as a delivery is read: too deep, huge numbers, __proto__, empty and non-UTF-8 bodies are 4xx naming the problem', async () => {
      const id = await created()
      const patch = async (payload: string, type = 'application/json'): Promise<{ statusCode: number, body: string, json: () => any }> =>
        await t.app.inject({ method: 'PATCH', url: `/api/v2/orders/${id}`, headers: { 'content-type': type }, payload })
      const deep = `{"extra":{"a":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`
      const cases: Array<[string, string, number, Record<string, unknown>]> = [
        [deep, 'application/json', 400, { code: 'INVALID_JSON', message: 'the JSON body is nested more than 64 levels deep' }],
        ['{"total":1e400}', 'application/json', 400, { code: 'INVALID_FIELD', field: 'total', message: expect.stringContaining('got "1e400"') }],
        ['{"status":"shipped","__proto__":{"x":1}}', 'application/json', 400, { code: 'INVALID_FIELD', field: '__proto__' }],
        ['{"status":', 'application/json', 400, { code: 'INVALID_JSON' }],
        ['', 'application/json', 400, { code: 'EMPTY_BODY' }],
        ['{"status":"shipped"}', 'application/json; charset=latin1', 415, { code: 'UNSUPPORTED_CHARSET' }]
      ]
      for (const [payload, type, status, error] of cases) {
        const res = await patch(payload, type)
        expect(res.statusCode, `${payload.slice(0, 40)}: ${res.body}`).toBe(status)
        expect(res.json()).toEqual({ success: false, error: expect.objectContaining(error) })
      }
      const zipped = await t.app.inject({
        method: 'PATCH', url: `/api/v2/orders/${id}`, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, payload: gzipSync('{"status":"delivered"}')
      })
      expect(zipped.statusCode, zipped.body).toBe(415)
      expect(zipped.json()).toEqual({ success: false, error: { code: 'UNSUPPORTED_ENCODING', message: 'this endpoint takes an uncompressed body, not Content-Encoding gzip' } })
      const ok = await patch('{"status":"delivered"}', 'application/json; charset=UTF-8')
      expect(ok.statusCode, ok.body).toBe(200)
      expect(ok.json()).toMatchObject({ action: 'updated', order: { status: 'delivered' } })
    })
  })
}
