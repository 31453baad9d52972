import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { hexHmac, postDelivery } from '../helpers/post-order.ts'

const SECRET = 'your-webhook-secret'
// The bytes each of the guide's three examples sends, written out by hand: Python's json.dumps puts a space after
// ':' and ',', JavaScript's JSON.stringify does not, and the curl example sends its literal string.
const PYTHON_BODY = '{"order_number": "12345", "product": "Nike Shoes", "price": 99.99}'
const NODE_BODY = '{"order_number":"12345","product":"Nike Shoes","price":99.99}'
const CURL_BODY = '{"order_number":"12345","product":"Nike Shoes","price":99.99}'

for (const kind of testDatabases()) {
  describe(`X-Webhook-Signature (${kind})`, () => {
    let t: TestApp
    beforeAll(async () => { t = await buildTestApp(kind, { WEBHOOK_SECRET: `old-secret, ${SECRET}` }) })
    afterAll(async () => { await t.close() })

    const orderCount = async (): Promise<number> => (await t.store.db.kysely.selectFrom('orders').select('id').execute()).length

    it.each([
      ['Python json.dumps', PYTHON_BODY, 'py'],
      ['Node JSON.stringify', NODE_BODY, 'node'],
      ['curl', CURL_BODY, 'curl']
    ])('verifies the guide %s example over the exact bytes', async (_name, body, suffix) => {
      const bytes = body.replace('12345', `12345-${suffix}`)
      const res = await postDelivery(t.app, bytes, { 'x-webhook-signature': hexHmac(SECRET, bytes) })
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ success: true, order_number: `12345-${suffix}`, action: 'created' })
    })

    it('accepts a sha256= prefix and upper-case hex', async () => {
      const body = '{"order_number":"PREFIX-1"}'
      const res = await postDelivery(t.app, body, { 'x-webhook-signature': `sha256=${hexHmac(SECRET, body).toUpperCase()}` })
      expect(res.statusCode).toBe(200)
    })

    it('accepts any secret of a comma-separated list, so secrets rotate without downtime', async () => {
      const body = '{"order_number":"ROTATE-1"}'
      expect((await postDelivery(t.app, body, { 'x-webhook-signature': hexHmac('old-secret', body) })).statusCode).toBe(200)
    })

    it('answers 401 to a missing signature and stores no order, but records the delivery', async () => {
      const before = await orderCount()
      const res = await postDelivery(t.app, '{"order_number":"NOSIG-1"}')
      expect(res.statusCode).toBe(401)
      expect(res.json()).toMatchObject({ success: false, error: { code: 'SIGNATURE_MISSING' } })
      expect(await orderCount()).toBe(before)
      const log = await t.store.db.kysely.selectFrom('webhook_logs').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow()
      expect(log).toMatchObject({ status_code: 401, outcome: 'unauthorized', raw_body: '{"order_number":"NOSIG-1"}' })
    })

    it('answers 401 to a wrong signature, and to a signature over re-serialised JSON', async () => {
      const before = await orderCount()
      const wrong = await postDelivery(t.app, CURL_BODY, { 'x-webhook-signature': hexHmac('not-the-secret', CURL_BODY) })
      expect(wrong.statusCode).toBe(401)
      expect(wrong.json().error.code).toBe('SIGNATURE_INVALID')
      // It tells the sender how to sign, naming the secret, never its value.
      expect(wrong.json().error.message).toMatch(/hex HMAC-SHA256 of the exact bytes sent.*WEBHOOK_SECRET.*signature-help/)
      expect(wrong.json().error.message).not.toContain(SECRET)
      const reserialised = await postDelivery(t.app, PYTHON_BODY, { 'x-webhook-signature': hexHmac(SECRET, NODE_BODY) })
      expect(reserialised.statusCode).toBe(401)
      expect(await orderCount()).toBe(before)
    })

    it('verifies a compressed body signed as sent or signed before compressing', async () => {
      for (const [name, signedOver] of [['sent', 'gzip'], ['payload', 'plain']] as const) {
        const body = `{"order_number":"GZIP-${name}"}`
        const gzipped = gzipSync(body)
        const signature = hexHmac(SECRET, signedOver === 'gzip' ? gzipped : Buffer.from(body))
        const res = await postDelivery(t.app, gzipped, { 'content-encoding': 'gzip', 'x-webhook-signature': signature })
        expect(res.json()).toMatchObject({ success: true, order_number: `GZIP-${name}`, action: 'created' })
      }
    })

    it('answers a compressed body signed with another secret 401, whether or not it decompresses', async () => {
      const body = '{"order_number":"GZIP-WRONG"}'
      for (const sent of [gzipSync(body), Buffer.from('not gzip at all')]) {
        const res = await postDelivery(t.app, sent, { 'content-encoding': 'gzip', 'x-webhook-signature': hexHmac('not-the-secret', body) })
        expect(res.statusCode).toBe(401)
        expect(res.json().error.code).toBe('SIGNATURE_INVALID')
      }
    })

    it('takes the URL with a trailing slash, as a sender configured with one posts it, for the plain URL', async () => {
      const body = '{"order_number":"SLASH-1"}'
      const res = await postDelivery(t.app, body, { 'x-webhook-signature': hexHmac(SECRET, body) }, '/api/v2/webhooks/orders/')
      expect(res.json()).toMatchObject({ success: true, order_number: 'SLASH-1', action: 'created' })
      const unsigned = await postDelivery(t.app, '{"order_number":"SLASH-2"}', {}, '/api/v2/webhooks/orders/')
      expect(unsigned.json().error.code).toBe('SIGNATURE_MISSING')
    })

    it('never stores the signature header in the delivery record', async () => {
      const body = '{"order_number":"REDACT-1"}'
      const signature = hexHmac(SECRET, body)
      await postDelivery(t.app, body, { 'x-webhook-signature': signature })
      const log = await t.store.db.kysely.selectFrom('webhook_logs').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow()
      expect(log.headers).not.toContain(signature)
      expect(JSON.parse(log.headers)['x-webhook-signature']).toBe('[redacted]')
    })
  })

  describe(`without WEBHOOK_SECRET (${kind})`, () => {
    it('accepts unsigned deliveries and ignores a signature header', async () => {
      const t = await buildTestApp(kind)
      try {
        expect((await postDelivery(t.app, '{"order_number":"A"}')).statusCode).toBe(200)
        expect((await postDelivery(t.app, '{"order_number":"B"}', { 'x-webhook-signature': 'deadbeef' })).statusCode).toBe(200)
      } finally {
        await t.close()
      }
    })
  })
}
