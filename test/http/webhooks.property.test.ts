import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIELD_ALIASES, ORDER_NUMBER_ALIASES } from '../../src/intake/readers/field-aliases.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'

const NUM_RUNS = 1500
const BOUNDARY = 'roms-property-boundary'
const ALIASES = [...ORDER_NUMBER_ALIASES, ...FIELD_ALIASES.flatMap(([, aliases]) => aliases), 'order', 'data', 'embeds', 'content', 'line_items', '__proto__', 'constructor']

const value = fc.oneof(
  fc.string({ maxLength: 40 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.bigInt().map((n) => n * 10n ** 20n),
  fc.constantFrom('99.99', '$1,299.00', '2026-12-01T10:00:00Z', 'shipped', 'delivered', '1Z999AA10123456784', 'x'.repeat(300)),
  fc.jsonValue({ maxDepth: 3 })
)
/** An object with the guide's field names, wrappers and hostile keys, and random ones. */
const order = fc.dictionary(fc.oneof(fc.constantFrom(...ALIASES), fc.string({ maxLength: 12 })), value, { maxKeys: 12 })
const toJson = (o: unknown): string => JSON.stringify(o, (_k, v: unknown) => typeof v === 'bigint' ? v.toString() : v)

const form = (o: Record<string, unknown>): string => new URLSearchParams(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v : toJson(v)])).toString()
const multipart = (o: Record<string, unknown>): string => Object.entries(o)
  .map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, '')}"\r\n\r\n${typeof v === 'string' ? v : toJson(v)}\r\n`).join('') + `--${BOUNDARY}--\r\n`

const body = fc.oneof(
  order.map(toJson),
  order.map((o) => toJson({ order: o })),
  fc.jsonValue().map(toJson),
  order.map(form),
  order.map(multipart),
  order.map((o) => `<order>${Object.keys(o).map((k) => `<f>${k}</f>`).join('')}</order>`),
  fc.uint8Array({ maxLength: 600 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ maxLength: 200 }),
  fc.constant(''),
  order.map((o) => gzipSync(toJson(o)))
)
const contentType = fc.option(fc.oneof(
  fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded',
    `multipart/form-data; boundary=${BOUNDARY}`, 'multipart/form-data', 'application/xml', 'text/xml', 'application/vnd.api+json',
    'application/octet-stream', ';;;', 'json'),
  fc.stringMatching(/^[\x20-\x7e]{0,30}$/)
), { nil: undefined })
const headers = fc.record({
  encoding: fc.option(fc.constantFrom('gzip', 'identity', 'br', 'deflate', 'x-garbage'), { nil: undefined }),
  sender: fc.option(fc.constantFrom(
    { 'x-shopify-topic': 'orders/create' }, { 'x-wc-webhook-topic': 'order.updated' }, { 'user-agent': 'Discord-Webhook' },
    { 'webhook-id': 'msg_1', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' }, { 'idempotency-key': 'same-key' }
  ), { nil: undefined }),
  extra: fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,16}$/), fc.stringMatching(/^[\x20-\x7e]{0,40}$/), { maxKeys: 4 })
})

for (const kind of testDatabases()) {
  describe(`the intake under generated input (${kind})`, () => {
    let t: TestApp
    beforeAll(async () => { t = await buildTestApp(kind) })
    afterAll(async () => { await t.close() })

    const logCount = async (): Promise<number> =>
      Number((await t.store.db.kysely.selectFrom('webhook_logs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

    it(`answers ${NUM_RUNS} generated deliveries 2xx or 4xx, records each one, and stays healthy`, async () => {
      let records = 0
      const before = await logCount()
      await fc.assert(fc.asyncProperty(body, contentType, headers, async (payload, type, h) => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v2/webhooks/orders',
          payload,
          headers: { ...h.extra, ...h.sender, ...(type === undefined ? {} : { 'content-type': type }), ...(h.encoding === undefined ? {} : { 'content-encoding': h.encoding }) }
        })
        const status = res.statusCode
        expect((status >= 200 && status < 300) || (status >= 400 && status < 500), `${status} ${res.body}`).toBe(true)
        if (status !== 204) expect(() => res.json()).not.toThrow()
        // A list of orders is one delivery record per order (its answer lists them); anything else is one record.
        const results: unknown = status === 204 ? undefined : res.json().results
        records += Array.isArray(results) ? results.length : 1
        expect(await logCount()).toBe(before + records)
      }), { numRuns: NUM_RUNS })
      expect(await logCount()).toBe(before + records)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(Object.keys(Object.prototype)).toEqual([])
      expect((await t.app.inject('/health')).statusCode).toBe(200)
      const after = await t.app.inject({ method: 'POST', url: '/api/v2/webhooks/orders', payload: '{"order_number":"AFTER-PROPERTY"}', headers: { 'content-type': 'application/json' } })
      expect(after.statusCode).toBe(200)
    }, 240_000)
  })
}
