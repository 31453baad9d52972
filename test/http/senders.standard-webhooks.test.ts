import { createHmac } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { postDelivery } from '../helpers/post-order.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { lastDeliveryLog, orderCount, storedOrder } from './senders.support.ts'

const KEY = Buffer.from('roms-standard-webhooks-test-key!')
const SECRET = `whsec_${KEY.toString('base64')}`
const OLD_KEY = Buffer.from('the-key-before-the-rotation-0001')
const OLD_SECRET = `whsec_${OLD_KEY.toString('base64')}`
const NOW = new Date('2025-03-14T16:41:30.000Z')
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000)

/** Signed here, per the Standard Webhooks specification, independently of the code under test. */
function sign (key: Buffer, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`
}

function event (orderNumber: string): string {
  return JSON.stringify({
    type: 'order.created',
    timestamp: NOW.toISOString(),
    data: { order_number: orderNumber, product: 'Dunk Low Panda', size: '10', price: '110.00', email: 'sw@example.com' }
  })
}

function headers (id: string, timestamp: number, signature: string): Record<string, string> {
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature }
}

for (const kind of testDatabases()) {
  describe(`Standard Webhooks senders (${kind})`, () => {
    let t: TestApp
    beforeEach(async () => { t = await buildTestApp(kind, { STANDARD_WEBHOOKS_SECRET: `${OLD_SECRET},${SECRET}` }, { clock: () => NOW }) })
    afterEach(async () => { await t.close() })

    it('verifies a Svix delivery under its own header names (svix-id, svix-timestamp, svix-signature) and refuses a forged one', async () => {
      const body = event('SVX-1')
      const svix = (id: string, signature: string): Record<string, string> => ({ 'svix-id': id, 'svix-timestamp': String(NOW_SECONDS), 'svix-signature': signature })
      const forged = await postDelivery(t.app, body, svix('msg_svx0', sign(OLD_KEY, 'msg_other', NOW_SECONDS, body)))
      expect(forged.statusCode).toBe(401)
      expect(await orderCount(t)).toBe(0)
      const res = await postDelivery(t.app, body, svix('msg_svx1', sign(KEY, 'msg_svx1', NOW_SECONDS, body)))
      expect(res.statusCode, res.body).toBe(200)
      expect((await storedOrder(t, 'SVX-1'))?.order).toMatchObject({ product: 'Dunk Low Panda', source: 'standard-webhooks' })
      // Svix retries with the same svix-id: applied once.
      expect((await postDelivery(t.app, body, svix('msg_svx1', sign(KEY, 'msg_svx1', NOW_SECONDS, body)))).json()).toMatchObject({ action: 'duplicate' })
      const test = JSON.stringify({ type: 'svix.ping', data: { success: true } })
      expect((await postDelivery(t.app, test, svix('msg_svx2', sign(KEY, 'msg_svx2', NOW_SECONDS, test)))).statusCode).toBe(200)
      expect(await lastDeliveryLog(t)).toMatchObject({ source: 'standard-webhooks', outcome: 'test' })
    })

    it('accepts a delivery signed over id.timestamp.body and stores the order in data', async () => {
      const body = event('SW-1')
      const res = await postDelivery(t.app, body, headers('msg_2aB1', NOW_SECONDS, sign(KEY, 'msg_2aB1', NOW_SECONDS, body)))
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ success: true, order_number: 'SW-1', action: 'created' })
      const stored = await storedOrder(t, 'SW-1')
      expect(stored?.order).toMatchObject({ product: 'Dunk Low Panda', size: '10', price: 110, email: 'sw@example.com', source: 'standard-webhooks' })
      expect(stored?.order.extra).toEqual({})
      expect(await lastDeliveryLog(t)).toMatchObject({
        source: 'standard-webhooks', outcome: 'created', delivery_key: expect.stringMatching(/^standard-webhooks:[\w-]{22}:msg_2aB1$/), order_id: stored?.order.id
      })

      // The same order under another event type changes nothing.
      const updated = body.replace('order.created', 'order.updated')
      const again = await postDelivery(t.app, updated, headers('msg_2aB2', NOW_SECONDS, sign(KEY, 'msg_2aB2', NOW_SECONDS, updated)))
      expect(again.json()).toMatchObject({ action: 'unchanged' })
    })

    it.each(['ping', 'webhook.test', 'test.event'])('answers a %s event without an order 200 and logs it as a test', async (type) => {
      const body = JSON.stringify({ type, timestamp: NOW.toISOString(), data: { message: 'hello' } })
      const res = await postDelivery(t.app, body, headers('msg_test', NOW_SECONDS, sign(KEY, 'msg_test', NOW_SECONDS, body)))
      expect(res.statusCode).toBe(200)
      expect(await orderCount(t)).toBe(0)
      expect(await lastDeliveryLog(t)).toMatchObject({ source: 'standard-webhooks', outcome: 'test', status_code: 200 })
    })

    it('logs a webhook.test event showing sample order data as a test, storing no order', async () => {
      const body = JSON.stringify({ type: 'webhook.test', timestamp: NOW.toISOString(), data: { order_number: 'SAMPLE-1', product: 'Example' } })
      const res = await postDelivery(t.app, body, headers('msg_sample', NOW_SECONDS, sign(KEY, 'msg_sample', NOW_SECONDS, body)))
      expect(res.statusCode).toBe(200)
      expect(await orderCount(t)).toBe(0)
      expect(await lastDeliveryLog(t)).toMatchObject({ outcome: 'test', details: { event_type: 'webhook.test', order_number: 'SAMPLE-1' } })
    })

    it('still refuses an order event without an order number, naming it', async () => {
      const body = JSON.stringify({ type: 'order.created', timestamp: NOW.toISOString(), data: { product: 'Dunk' } })
      const res = await postDelivery(t.app, body, headers('msg_no_number', NOW_SECONDS, sign(KEY, 'msg_no_number', NOW_SECONDS, body)))
      expect(res.statusCode).toBe(400)
      expect(res.json().error.code).toBe('ORDER_NUMBER_MISSING')
    })

    it('accepts a timestamp just inside the 5-minute tolerance', async () => {
      const body = event('SW-EDGE')
      const at = NOW_SECONDS - 299
      expect((await postDelivery(t.app, body, headers('msg_edge', at, sign(KEY, 'msg_edge', at, body)))).statusCode).toBe(200)
    })

    it.each([
      ['older than 5 minutes', NOW_SECONDS - 301],
      ['more than 5 minutes ahead', NOW_SECONDS + 301]
    ])('answers 401 to a correctly signed timestamp %s and stores no order', async (_name, at) => {
      const body = event('SW-LATE')
      const res = await postDelivery(t.app, body, headers('msg_late', at, sign(KEY, 'msg_late', at, body)))
      expect(res.statusCode).toBe(401)
      expect(res.json().error.code).toBe('SIGNATURE_EXPIRED')
      expect(await orderCount(t)).toBe(0)
      expect(await lastDeliveryLog(t)).toMatchObject({ source: 'standard-webhooks', outcome: 'unauthorized' })
    })

    it.each([
      ['an unknown key', () => sign(Buffer.from('some-other-key'), 'msg_w', NOW_SECONDS, event('SW-W'))],
      ['another id', () => sign(KEY, 'msg_other', NOW_SECONDS, event('SW-W'))],
      ['another timestamp', () => sign(KEY, 'msg_w', NOW_SECONDS - 1, event('SW-W'))],
      ['another body', () => sign(KEY, 'msg_w', NOW_SECONDS, event('SW-X'))],
      ['the secret with its whsec_ prefix as the key', () => sign(Buffer.from(SECRET), 'msg_w', NOW_SECONDS, event('SW-W'))],
      ['a v1a scheme', () => sign(KEY, 'msg_w', NOW_SECONDS, event('SW-W')).replace('v1,', 'v1a,')]
    ])('answers 401 to a signature made with %s', async (_name, signature) => {
      const res = await postDelivery(t.app, event('SW-W'), headers('msg_w', NOW_SECONDS, signature()))
      expect(res.statusCode).toBe(401)
      expect(res.json().error.code).toBe('SIGNATURE_INVALID')
      expect(await orderCount(t)).toBe(0)
    })

    it('accepts a header listing several v1 signatures when one of them matches, as senders rotating keys send', async () => {
      const body = event('SW-ROT')
      const valid = sign(KEY, 'msg_rot', NOW_SECONDS, body)
      const stale = sign(Buffer.from('retired-key'), 'msg_rot', NOW_SECONDS, body)
      const res = await postDelivery(t.app, body, headers('msg_rot', NOW_SECONDS, `${stale} v1a,bm90LWEta2V5 ${valid}`))
      expect(res.statusCode).toBe(200)
    })

    it('accepts a delivery signed with any secret of STANDARD_WEBHOOKS_SECRET', async () => {
      const body = event('SW-OLD')
      expect((await postDelivery(t.app, body, headers('msg_old', NOW_SECONDS, sign(OLD_KEY, 'msg_old', NOW_SECONDS, body)))).statusCode).toBe(200)
    })

    it('answers 401 when the webhook-timestamp header is missing', async () => {
      const body = event('SW-NOTS')
      const res = await postDelivery(t.app, body, { 'webhook-id': 'msg_nots', 'webhook-signature': sign(KEY, 'msg_nots', NOW_SECONDS, body) })
      expect(res.statusCode).toBe(401)
      expect(await orderCount(t)).toBe(0)
    })
  })
}
