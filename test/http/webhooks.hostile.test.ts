import { deflateRawSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { postDelivery } from '../helpers/post-order.ts'

interface HostileCase {
  name: string
  body: () => string | Buffer
  headers?: Record<string, string>
  status: number
  code?: string
}

const nested = (depth: number, inner = ''): string => '['.repeat(depth) + inner + ']'.repeat(depth)
const multipart = (n: number): string => `${Array.from({ length: n }, (_, i) => `--b\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n\r\n`).join('')}` +
  `--b\r\nContent-Disposition: form-data; name="order_number"\r\n\r\nMULTI-${n}\r\n--b--\r\n`
const manyFields = (n: number): string => JSON.stringify(Object.fromEntries([['order_number', `MANY-${n}`], ...Array.from({ length: n }, (_, i) => [`unknown_field_${i}`, i])]))

// Each must be answered (never 500), recorded, and leave the server healthy.
const CASES: HostileCase[] = [
  { name: '100,000 nested arrays', body: () => nested(100_000), status: 400, code: 'INVALID_JSON' },
  { name: '100,000 nested arrays inside an order', body: () => `{"order_number":"DEEP-1","deep":${nested(100_000)}}`, status: 400, code: 'INVALID_JSON' },
  { name: '5,000 nested objects inside an order', body: () => `{"order_number":"DEEP-2","deep":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`, status: 400, code: 'INVALID_JSON' },
  { name: 'a 10,000-character order number', body: () => JSON.stringify({ order_number: 'x'.repeat(10_000) }), status: 400, code: 'INVALID_FIELD' },
  { name: 'a quantity beyond 2^64', body: () => '{"order_number":"BIG-1","quantity":123456789012345678901234567890}', status: 400, code: 'INVALID_FIELD' },
  { name: 'a quantity of 1e308', body: () => '{"order_number":"BIG-2","quantity":1e308}', status: 400, code: 'INVALID_FIELD' },
  { name: 'a price of -1e308', body: () => '{"order_number":"BIG-3","price":-1e308}', status: 400, code: 'INVALID_FIELD' },
  { name: 'a price with 400 digits', body: () => `{"order_number":"BIG-4","price":${'9'.repeat(400)}}`, status: 400, code: 'INVALID_FIELD' },
  { name: 'an unknown field above 2^53', body: () => '{"order_number":"BIG-5","platform_id":123456789012345678901234567890}', status: 200 },
  { name: 'a price of 1e400, beyond a double', body: () => '{"order_number":"BIG-6","price":1e400}', status: 400, code: 'INVALID_FIELD' },
  { name: 'an unknown field of -1e400', body: () => '{"order_number":"BIG-7","ratio":-1e400}', status: 200 },
  { name: 'control characters in every field', body: () => JSON.stringify({ order_number: 'CTRL-\u0000\u0007\u001b1', product: 'a\u0000b\u202ec\u0008', email: 'x\u0000@y.com\r\n' }), status: 200 },
  { name: '10,000 unknown fields', body: () => manyFields(10_000), status: 200 },
  { name: 'a huge JSON body just under the limit', body: () => JSON.stringify({ order_number: 'HUGE-1', notes: Array.from({ length: 20_000 }, (_, i) => `note ${i}`) }), status: 200 },
  { name: 'invalid UTF-8 in a string', body: () => Buffer.concat([Buffer.from('{"order_number":"UTF-'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('"}')]), status: 400, code: 'INVALID_ENCODING' },
  { name: 'a lone surrogate escape', body: () => '{"order_number":"SUR-1","product":"\\ud800"}', status: 200 },
  { name: 'a gzip bomb (100 MB of zeros)', body: () => gzipSync(Buffer.alloc(100 * 1024 * 1024)), headers: { 'content-encoding': 'gzip' }, status: 413, code: 'BODY_TOO_LARGE' },
  // RFC 9110's deflate is zlib-wrapped, but PHP's gzdeflate() and .NET's DeflateStream write it raw; browsers read both.
  { name: 'raw deflate sent as Content-Encoding: deflate', body: () => deflateRawSync('{"order_number":"RAW-DEFLATE"}'), headers: { 'content-encoding': 'deflate' }, status: 200 },
  { name: 'a raw deflate bomb (100 MB of zeros)', body: () => deflateRawSync(Buffer.alloc(100 * 1024 * 1024)), headers: { 'content-encoding': 'deflate' }, status: 413, code: 'BODY_TOO_LARGE' },
  { name: 'gzip that is not gzip', body: () => 'not gzip', headers: { 'content-encoding': 'gzip' }, status: 400, code: 'INVALID_PAYLOAD' },
  { name: 'an unknown content encoding', body: () => '{}', headers: { 'content-encoding': 'zstd' }, status: 415, code: 'UNSUPPORTED_ENCODING' },
  // Fastify refuses these itself, before any parser runs, which would leave no record; ROMS reads `;;;` as no type.
  { name: 'a content type Fastify cannot parse', body: () => '{"order_number":"CT-1"}', headers: { 'content-type': ';;;' }, status: 200 },
  { name: 'a content type with a non-ASCII byte', body: () => '{"order_number":"CT-2"}', headers: { 'content-type': 'applicatiön/json' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  // V8's parse error quotes the body, NUL included, and PostgreSQL text refuses NUL: the record must still be written.
  { name: 'invalid JSON holding NUL and control bytes', body: () => Buffer.from([0x00, 0x48, 0x01]), status: 400, code: 'INVALID_JSON' },
  { name: 'Latin-1 text declared as such', body: () => Buffer.from('{"order_number":"CS-1","product":"Caf\xe9"}', 'latin1'), headers: { 'content-type': 'application/json; charset=ISO-8859-1' }, status: 200 },
  { name: 'UTF-16 declared as such', body: () => Buffer.from('{"order_number":"CS-2"}', 'utf16le'), headers: { 'content-type': 'application/json; charset="utf-16le"' }, status: 200 },
  // PowerShell's Out-File and Notepad's "Unicode" write UTF-16 with a byte order mark; scripts then post the file as it is.
  { name: 'UTF-16 with a byte order mark and no charset', body: () => Buffer.from('\ufeff{"order_number":"CS-4","product":"Größe 44"}', 'utf16le'), status: 200 },
  { name: 'big-endian UTF-16 with a byte order mark, declared UTF-8', body: () => Buffer.from('\ufeff{"order_number":"CS-5"}', 'utf16le').swap16(), headers: { 'content-type': 'application/json; charset=utf-8' }, status: 200 },
  { name: 'a charset no decoder knows', body: () => '{"order_number":"CS-3"}', headers: { 'content-type': 'application/json; charset=klingon' }, status: 415, code: 'UNSUPPORTED_CHARSET' },
  { name: 'bytes that are not the declared charset', body: () => Buffer.from([0x7b, 0x00, 0x00, 0xd8, 0x7d, 0x00]), headers: { 'content-type': 'application/json; charset=utf-16le' }, status: 400, code: 'INVALID_ENCODING' },
  { name: 'a multipart form whose order_number follows 1,500 other fields', body: () => multipart(1500), headers: { 'content-type': 'multipart/form-data; boundary=b' }, status: 200 },
  { name: 'a multipart form of 12,000 fields', body: () => multipart(12_000), headers: { 'content-type': 'multipart/form-data; boundary=b' }, status: 413, code: 'BODY_TOO_LARGE' },
  { name: 'a form of 12,000 fields', body: () => `${Array.from({ length: 12_000 }, (_, i) => `f${i}=1`).join('&')}&order_number=FORM-WIDE`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 413, code: 'BODY_TOO_LARGE' },
  { name: 'multipart without a boundary', body: () => 'x', headers: { 'content-type': 'multipart/form-data' }, status: 400, code: 'INVALID_MULTIPART' },
  { name: 'a form with __proto__ and constructor fields', body: () => '__proto__[polluted]=1&constructor[prototype][polluted]=2&order_number=FORM-PROTO', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 200 }
]

for (const kind of testDatabases()) {
  describe(`hostile input (${kind})`, () => {
    let t: TestApp
    beforeAll(async () => { t = await buildTestApp(kind) })
    afterAll(async () => { await t.close() })

    const logCount = async (): Promise<number> => Number((await t.store.db.kysely.selectFrom('webhook_logs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

    it.each(CASES)('answers $status to $name and records it', async (c) => {
      const before = await logCount()
      const res = await postDelivery(t.app, c.body(), c.headers)
      expect(res.statusCode, res.body).toBe(c.status)
      if (c.code !== undefined) expect(res.json().error.code).toBe(c.code)
      expect(await logCount()).toBe(before + 1)
      const log = await t.store.db.kysely.selectFrom('webhook_logs').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow()
      expect(log.status_code).toBe(c.status)
    })

    it('reads a body in its declared charset as the text it is', async () => {
      const body = Buffer.from('{"order_number":"CS-LATIN","product":"Caf\xe9 Cr\xe8me"}', 'latin1')
      expect((await postDelivery(t.app, body, { 'content-type': 'text/plain; charset=windows-1252' })).statusCode).toBe(200)
      const order = await t.store.db.kysely.selectFrom('orders').select('product').where('order_number', '=', 'CS-LATIN').executeTakeFirstOrThrow()
      expect(order.product).toBe('Café Crème')
    })

    it('reads UTF-16 with a byte order mark as the text it is, whatever the header says', async () => {
      await postDelivery(t.app, Buffer.from('\ufeff{"order_number":"CS-UTF16","product":"Größe 44 – Café"}', 'utf16le'))
      const order = await t.store.db.kysely.selectFrom('orders').select('product').where('order_number', '=', 'CS-UTF16').executeTakeFirstOrThrow()
      expect(order.product).toBe('Größe 44 – Café')
    })

    it('answers the gzip bomb quickly and without inflating it in memory', async () => {
      const bomb = gzipSync(Buffer.alloc(100 * 1024 * 1024))
      const rssBefore = process.memoryUsage().rss
      const started = performance.now()
      const res = await postDelivery(t.app, bomb, { 'content-encoding': 'gzip' })
      expect(res.statusCode).toBe(413)
      expect(performance.now() - started).toBeLessThan(2000)
      // The output is capped at the 1 MiB body limit; inflating the bomb would take 100 MB.
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(50 * 1024 * 1024)
    })

    it('keeps __proto__, constructor and prototype keys as plain data and pollutes no prototype', async () => {
      const body = '{"order_number":"PROTO-1","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}'
      expect((await postDelivery(t.app, body)).statusCode).toBe(200)
      const again = '{"order_number":"PROTO-1","__proto__":{"polluted":"again"}}'
      expect((await postDelivery(t.app, again)).json().action).toBe('updated')
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(Object.prototype).not.toHaveProperty('polluted')
      const order = await t.store.db.kysely.selectFrom('orders').select('extra').where('order_number', '=', 'PROTO-1').executeTakeFirstOrThrow()
      const extra = JSON.parse(order.extra) as Record<string, unknown>
      expect(Object.keys(extra).sort()).toEqual(['__proto__', 'constructor', 'prototype'])
      expect(Object.getOwnPropertyDescriptor(extra, '__proto__')?.value).toEqual({ polluted: 'again' })
      expect(Object.getPrototypeOf(extra)).toBe(Object.prototype)
      const form = await t.store.db.kysely.selectFrom('orders').select('extra').where('order_number', '=', 'FORM-PROTO').executeTakeFirst()
      if (form !== undefined) expect(Object.getPrototypeOf(JSON.parse(form.extra))).toBe(Object.prototype)
    })

    it('stores control characters without breaking the record, and keeps the raw bytes', async () => {
      const log = await t.store.db.kysely.selectFrom('webhook_logs').selectAll().where('order_number', 'like', 'CTRL-%').executeTakeFirstOrThrow()
      expect(log.status_code).toBe(200)
      // eslint-disable-next-line no-control-regex -- the preview must be free of them
      expect(log.body_preview).not.toMatch(/[\u0000-\u0008]/)
    })

    it('stores an order with 20,000 items whole (more than one SQL statement takes)', async () => {
      const items = Array.from({ length: 20_000 }, (_, i) => ({ name: `Card ${i}`, quantity: 1, price: 1 }))
      const res = await postDelivery(t.app, JSON.stringify({ order_number: 'ITEMS-20000', items }))
      expect(res.statusCode, res.body).toBe(200)
      const order = await t.store.db.kysely.selectFrom('orders').select('id').where('order_number', '=', 'ITEMS-20000').executeTakeFirstOrThrow()
      const stored = await t.store.db.kysely.selectFrom('order_items').select(['position', 'title']).where('order_id', '=', order.id).orderBy('position').execute()
      expect(stored).toHaveLength(20_000)
      expect(stored.at(-1)).toEqual({ position: 19_999, title: 'Card 19999' })
    })

    it('stores a Shopify fulfilment listing 150,000 tracking numbers, and voids them all when it is cancelled', async () => {
      const shopify = { 'x-shopify-topic': 'orders/updated', 'x-shopify-shop-domain': 'hostile.myshopify.com' }
      // 20,000 numbers, then repeats of the first: more than a spread's arguments, within the 1 MiB body limit.
      const numbers = Array.from({ length: 150_000 }, (_, i) => `T${i < 20_000 ? i : 0}`)
      const fulfilment = { id: 1, status: 'success', tracking_company: 'UPS', tracking_numbers: numbers }
      const order = { id: 770001, name: '#7701', updated_at: '2026-11-30T10:00:00Z', fulfillments: [fulfilment] }
      const res = await postDelivery(t.app, JSON.stringify(order), shopify)
      expect(res.statusCode, res.body).toBe(200)
      const { id } = await t.store.db.kysely.selectFrom('orders').select('id').where('order_number', '=', '7701').executeTakeFirstOrThrow()
      const count = async (): Promise<number> => Number((await t.store.db.kysely.selectFrom('order_tracking').select((eb) => eb.fn.countAll().as('n')).where('order_id', '=', id).executeTakeFirstOrThrow()).n)
      expect(await count()).toBe(20_000)
      const cancelled = { ...order, updated_at: '2026-11-30T11:00:00Z', fulfillments: [{ ...fulfilment, status: 'cancelled' }] }
      expect((await postDelivery(t.app, JSON.stringify(cancelled), shopify)).statusCode).toBe(200)
      expect(await count()).toBe(0)
    })

    it('is still healthy after all of it', async () => {
      expect((await t.app.inject('/health')).statusCode).toBe(200)
      expect((await postDelivery(t.app, '{"order_number":"AFTER-HOSTILE"}')).statusCode).toBe(200)
    })
  })
}
