import { createHmac } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { base64Hmac, postDelivery } from '../helpers/post-order.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import {
  deliveryLogs, editBody, eventCount, fixture, orderCount, SHOPIFY_HEADERS, storedOrder, WOO_HEADERS
} from './senders.support.ts'

const SW_KEY = Buffer.from('duplicates-standard-webhooks-key')
const NOW = new Date('2025-03-14T16:41:30.000Z')
const ENV = {
  SHOPIFY_WEBHOOK_SECRET: 'test-shopify-secret',
  WOOCOMMERCE_WEBHOOK_SECRET: 'test-woo-secret',
  STANDARD_WEBHOOKS_SECRET: `whsec_${SW_KEY.toString('base64')}`
}

function standardWebhooksDelivery (id: string): { body: string, headers: Record<string, string> } {
  const body = JSON.stringify({ type: 'order.created', data: { order_number: 'SW-DUP', product: 'Samba OG' } })
  const timestamp = String(Math.floor(NOW.getTime() / 1000))
  const signature = createHmac('sha256', SW_KEY).update(`${id}.${timestamp}.${body}`).digest('base64')
  return { body, headers: { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` } }
}

const SENDERS: Array<{ name: string, orderNumber: string, delivery: () => { body: string | Buffer, headers: Record<string, string> } }> = [
  {
    name: 'Shopify (X-Shopify-Event-Id)',
    orderNumber: '1001',
    delivery: () => ({ body: fixture('shopify-orders-create.wire.json'), headers: SHOPIFY_HEADERS })
  },
  {
    name: 'WooCommerce (X-WC-Webhook-Delivery-ID)',
    orderNumber: '4821',
    delivery: () => ({ body: fixture('woocommerce-order-created.wire.json'), headers: WOO_HEADERS })
  },
  { name: 'a Standard Webhooks sender (webhook-id)', orderNumber: 'SW-DUP', delivery: () => standardWebhooksDelivery('msg_dup_1') },
  {
    name: 'a script (Idempotency-Key)',
    orderNumber: 'IDEM-1',
    delivery: () => ({ body: '{"order_number":"IDEM-1","product":"Gel-Kayano 14","price":150}', headers: { 'Idempotency-Key': 'retry-7f3c' } })
  }
]

for (const kind of testDatabases()) {
  describe(`duplicate deliveries (${kind})`, () => {
    let t: TestApp
    let now = NOW
    beforeEach(async () => {
      now = NOW
      t = await buildTestApp(kind, ENV, { clock: () => now })
    })
    afterEach(async () => { await t.close() })

    it.each(SENDERS.map((sender) => [sender.name, sender] as const))('answers a second delivery from %s with 200 duplicate and changes nothing', async (_name, sender) => {
      const { body, headers } = sender.delivery()
      expect((await postDelivery(t.app, body, headers)).json()).toMatchObject({ action: 'created' })
      const before = await storedOrder(t, sender.orderNumber)

      const again = await postDelivery(t.app, body, headers)
      expect(again.statusCode).toBe(200)
      expect(again.json()).toMatchObject({ success: true, action: 'duplicate', order_id: before?.order.id })
      expect(await storedOrder(t, sender.orderNumber)).toEqual(before)
      expect(await eventCount(t)).toBe(1)
      const logs = await deliveryLogs(t)
      expect(logs.map((log) => [log.outcome, log.status_code, log.order_id])).toEqual([['created', 200, before?.order.id], ['duplicate', 200, before?.order.id]])
      expect(logs[1]?.delivery_key).toBe(logs[0]?.delivery_key)
    })

    it.each(SENDERS.map((sender) => [sender.name, sender] as const))('applies exactly one of five identical deliveries from %s sent at once', async (_name, sender) => {
      const { body, headers } = sender.delivery()
      const answers = await Promise.all(Array.from({ length: 5 }, async () => await postDelivery(t.app, body, headers)))
      expect(answers.map((res) => res.statusCode)).toEqual([200, 200, 200, 200, 200])
      expect(answers.map((res) => res.json().action).sort()).toEqual(['created', 'duplicate', 'duplicate', 'duplicate', 'duplicate'])
      expect(await orderCount(t)).toBe(1)
      expect(await eventCount(t)).toBe(1)
      expect((await deliveryLogs(t)).map((log) => log.outcome).sort()).toEqual(['created', 'duplicate', 'duplicate', 'duplicate', 'duplicate'])
    })

    it('applies a reused Idempotency-Key whose body differs, answering with its own order', async () => {
      const first = await postDelivery(t.app, '{"order_number":"IDEM-2","product":"First"}', { 'Idempotency-Key': 'k-2' })
      const res = await postDelivery(t.app, '{"order_number":"IDEM-3","product":"Second"}', { 'Idempotency-Key': 'k-2' })
      expect(res.json()).toMatchObject({ action: 'created', order_number: 'IDEM-3' })
      expect(res.json().order_id).not.toBe(first.json().order_id)
      expect((await storedOrder(t, 'IDEM-3'))?.order.product).toBe('Second')
      expect((await storedOrder(t, 'IDEM-2'))?.order.product).toBe('First')
    })

    it('stores two WooCommerce orders sent within one second, which share a delivery id', async () => {
      // WooCommerce's delivery id is a hash of the webhook id and the current second.
      const other = editBody(fixture('woocommerce-order-created.wire.json'), ['"id":4821', '"id":4822'], ['"number":"4821"', '"number":"4822"'])
      await postDelivery(t.app, fixture('woocommerce-order-created.wire.json'), WOO_HEADERS)
      const res = await postDelivery(t.app, other, { ...WOO_HEADERS, 'X-WC-Webhook-Signature': base64Hmac(ENV.WOOCOMMERCE_WEBHOOK_SECRET, other) })
      expect(res.json()).toMatchObject({ action: 'created', order_number: '4822' })
      expect(await orderCount(t)).toBe(2)
    })

    it('still knows a delivery id eight days later', async () => {
      const { body, headers } = standardWebhooksDelivery('msg_week')
      await postDelivery(t.app, body, headers)
      now = new Date(NOW.getTime() + 8 * 24 * 3600 * 1000)
      // A new signature for the new time: only the id repeats, as in a sender's late manual resend.
      const late = standardWebhooksDelivery('msg_week')
      const timestamp = String(Math.floor(now.getTime() / 1000))
      const signature = createHmac('sha256', SW_KEY).update(`msg_week.${timestamp}.${late.body}`).digest('base64')
      const res = await postDelivery(t.app, late.body, { ...late.headers, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` })
      expect(res.json()).toMatchObject({ action: 'duplicate' })
    })

    it('does not burn a delivery id on a refused delivery: the retry with the right signature is applied', async () => {
      const body = fixture('shopify-orders-create.wire.json')
      const refused = await postDelivery(t.app, body, { ...SHOPIFY_HEADERS, 'X-Shopify-Hmac-Sha256': base64Hmac('wrong', body) })
      expect(refused.statusCode).toBe(401)
      expect((await postDelivery(t.app, body, SHOPIFY_HEADERS)).json()).toMatchObject({ action: 'created' })
    })

    it('records a script\'s create that arrives after its own newer update as stale, when both say when they were last changed', async () => {
      const update = await postDelivery(t.app, '{"order_number":"LATE-1","status":"shipped","tracking_number":"1Z999AA10123456799","updated_at":"2025-05-02T10:00:00Z"}')
      expect(update.json()).toMatchObject({ action: 'created' })
      const create = await postDelivery(t.app, '{"order_number":"LATE-1","product":"Samba","status":"pending","updatedAt":"2025-05-01T09:00:00Z"}')
      expect(create.json()).toMatchObject({ action: 'stale' })
      const stored = await storedOrder(t, 'LATE-1')
      expect(stored?.order).toMatchObject({ status: 'shipped', tracking_number: '1Z999AA10123456799', source_updated_at: '2025-05-02T10:00:00.000Z' })
      expect(stored?.order.extra).toEqual({})
      const newer = await postDelivery(t.app, '{"order_number":"LATE-1","status":"delivered","updated_at":"2025-05-03T10:00:00Z"}')
      expect(newer.json()).toMatchObject({ action: 'updated' })
    })

    it('keeps an updated_at that is not a date in extra rather than refusing the order', async () => {
      const res = await postDelivery(t.app, '{"order_number":"LATE-2","updated_at":"last tuesday"}')
      expect(res.json()).toMatchObject({ action: 'created' })
      expect((await storedOrder(t, 'LATE-2'))?.order.extra).toEqual({ updated_at: 'last tuesday' })
    })

    it('keeps the same id from two senders apart', async () => {
      const shopify = editBody(fixture('shopify-orders-create.wire.json'), ['"name":"#1001"', '"name":"#2001"'])
      const shared = 'same-id-on-both'
      await postDelivery(t.app, shopify, { ...SHOPIFY_HEADERS, 'X-Shopify-Event-Id': shared, 'X-Shopify-Hmac-Sha256': base64Hmac(ENV.SHOPIFY_WEBHOOK_SECRET, shopify) })
      const res = await postDelivery(t.app, '{"order_number":"G-1"}', { 'Idempotency-Key': shared })
      expect(res.json()).toMatchObject({ action: 'created' })
    })
  })
}
