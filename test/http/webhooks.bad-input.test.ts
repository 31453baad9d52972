import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { postDelivery } from '../helpers/post-order.ts'

interface BadCase {
  name: string
  body: string | Buffer
  contentType?: string
  status: number
  code: string
  field?: string
}

const CASES: BadCase[] = [
  { name: 'invalid JSON', body: '{"order_number": "1",', status: 400, code: 'INVALID_JSON' },
  { name: 'an event whose data is a list', body: '{"type":"orders.synced","data":[{"order_number":"1"},{"order_number":"2"}]}', status: 400, code: 'INVALID_PAYLOAD', field: 'data' },
  { name: 'a list of orders beside other keys', body: '{"orders":[{"order_number":"1"}],"count":1}', status: 400, code: 'INVALID_PAYLOAD', field: 'orders' },
  { name: 'a JSON string', body: '"order 1"', status: 400, code: 'INVALID_PAYLOAD' },
  { name: 'JSON null', body: 'null', status: 400, code: 'INVALID_PAYLOAD' },
  { name: 'a missing order_number', body: '{"product":"Nike Shoes"}', status: 400, code: 'ORDER_NUMBER_MISSING', field: 'order_number' },
  { name: 'an empty order_number', body: '{"order_number":"  "}', status: 400, code: 'ORDER_NUMBER_MISSING', field: 'order_number' },
  { name: 'an order_number that is an object', body: '{"order_number":{"id":1}}', status: 400, code: 'INVALID_FIELD', field: 'order_number' },
  { name: 'quantity "two"', body: '{"order_number":"Q1","quantity":"two"}', status: 400, code: 'INVALID_FIELD', field: 'quantity' },
  { name: 'a negative quantity', body: '{"order_number":"Q2","qty":-1}', status: 400, code: 'INVALID_FIELD', field: 'quantity' },
  { name: 'a price that is not money', body: '{"order_number":"P1","price":"cheap"}', status: 400, code: 'INVALID_FIELD', field: 'price' },
  { name: 'a total out of range', body: '{"order_number":"P2","total":1e300}', status: 400, code: 'INVALID_FIELD', field: 'total' },
  { name: 'a date that is not a date', body: '{"order_number":"D1","order_date":"yesterday"}', status: 400, code: 'INVALID_FIELD', field: 'order_date' },
  { name: 'a product that is a list', body: '{"order_number":"T1","product":["a","b"]}', status: 400, code: 'INVALID_FIELD', field: 'product' },
  { name: 'an empty body', body: '', status: 400, code: 'EMPTY_BODY' },
  { name: 'invalid UTF-8', body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), status: 400, code: 'INVALID_ENCODING' },
  { name: 'an unsupported content type', body: '<order/>', contentType: 'application/xml', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }
]

for (const kind of testDatabases()) {
  describe(`bad input (${kind})`, () => {
    let t: TestApp
    beforeAll(async () => { t = await buildTestApp(kind, { ROMS_BODY_LIMIT: '2048' }) })
    afterAll(async () => { await t.close() })

    it.each(CASES)('answers $status $code to $name, records it with its raw body, and stores no order', async (c) => {
      const before = await t.store.db.kysely.selectFrom('orders').select('id').execute()
      const res = await postDelivery(t.app, c.body, { 'content-type': c.contentType ?? 'application/json' })
      expect(res.statusCode).toBe(c.status)
      const body = res.json()
      expect(body.success).toBe(false)
      expect(body.error.code).toBe(c.code)
      expect(body.error.message).toEqual(expect.any(String))
      if (c.field !== undefined) {
        expect(body.error.field).toBe(c.field)
        expect(body.error.message).toContain(c.field)
      }
      const log = await t.store.db.kysely.selectFrom('webhook_logs').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow()
      expect(log).toMatchObject({ status_code: c.status, outcome: 'rejected', error_code: c.code })
      const raw = Buffer.from(log.raw_body, log.raw_body_encoding === 'base64' ? 'base64' : 'utf8')
      expect(raw.equals(Buffer.from(c.body))).toBe(true)
      expect(await t.store.db.kysely.selectFrom('orders').select('id').execute()).toHaveLength(before.length)
    })

    it('records a delivery refused for another field under its order number, so it is found by number', async () => {
      expect((await postDelivery(t.app, '{"order_number":" REF-7 ","quantity":"two"}')).statusCode).toBe(400)
      const res = await t.app.inject({ method: 'GET', url: '/api/v2/webhooks/logs?order_number=REF-7' })
      expect(res.json().logs).toEqual([expect.objectContaining({ order_number: 'REF-7', order_id: null, outcome: 'rejected', error_code: 'INVALID_FIELD' })])
      expect((await postDelivery(t.app, `{"order_number":"${'x'.repeat(300)}"}`)).statusCode).toBe(400)
      const log = await t.store.db.kysely.selectFrom('webhook_logs').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow()
      expect(log).toMatchObject({ outcome: 'rejected', order_number: null })
    })

    it('tells a sender whose list of orders has other keys beside it what a list is', async () => {
      const res = await postDelivery(t.app, '{"orders":[{"order_number":"L-1"},{"order_number":"L-2"}],"page":1}')
      expect(res.json().error).toEqual({
        code: 'INVALID_PAYLOAD', field: 'orders', message: 'a list of orders is a JSON array, or an object with "orders" as its only key; this one also has page'
      })
    })

    it('answers 413 to a body over the limit and keeps its first part in the record', async () => {
      const big = JSON.stringify({ order_number: 'BIG', note: 'x'.repeat(5000) })
      const res = await postDelivery(t.app, big)
      expect(res.statusCode).toBe(413)
      expect(res.json().error.code).toBe('BODY_TOO_LARGE')
      const log = await t.store.db.kysely.selectFrom('webhook_logs').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow()
      expect(log).toMatchObject({ status_code: 413, outcome: 'rejected' })
      expect(log.raw_body.startsWith('{"order_number":"BIG"')).toBe(true)
    })

    it('answers 404 with a JSON error to an unknown path', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v2/webhooks/order', payload: '{}' })
      expect(res.statusCode).toBe(404)
      expect(res.json()).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } })
    })

    it('is still healthy after all of it', async () => {
      expect((await t.app.inject('/health')).statusCode).toBe(200)
    })
  })
}
