import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { base64Hmac, postDelivery } from '../helpers/post-order.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import {
  editBody, fixture, lastDeliveryLog, orderCount, parseHttpFile, storedOrder, WOO_HEADERS
} from './senders.support.ts'

const SECRET = 'test-woo-secret'
const BODY = fixture('woocommerce-order-created.wire.json')
const PING = parseHttpFile(fixture('woocommerce-ping.http'))

function headersFor (body: Buffer, topic: string, deliveryId: string, secret = SECRET): Record<string, string> {
  return {
    ...WOO_HEADERS,
    'X-WC-Webhook-Topic': topic,
    'X-WC-Webhook-Event': topic.split('.')[1] ?? '',
    'X-WC-Webhook-Delivery-ID': deliveryId,
    'X-WC-Webhook-Signature': base64Hmac(secret, body)
  }
}

for (const kind of testDatabases()) {
  describe(`WooCommerce deliveries (${kind})`, () => {
    let t: TestApp
    beforeEach(async () => { t = await buildTestApp(kind, { WOOCOMMERCE_WEBHOOK_SECRET: SECRET }) })
    afterEach(async () => { await t.close() })

    it('stores the order.created fixture sent byte for byte with its real headers and signature', async () => {
      const res = await postDelivery(t.app, BODY, WOO_HEADERS)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ success: true, order_number: '4821', action: 'created' })

      const stored = await storedOrder(t, '4821')
      expect(stored?.order).toMatchObject({
        product: 'Nike Dunk Low Retro + 2 more',
        quantity: 4,
        total: 261.87,
        currency: 'USD',
        email: 'daniel.moreau@example.com',
        customer_name: 'Daniel Moreau',
        store: 'shop.example.com',
        status: 'processing',
        order_date: '2025-03-14T17:12:03.000Z',
        platform_order_id: '4821',
        source: 'woocommerce',
        source_updated_at: '2025-03-14T17:12:09.000Z'
      })
      expect(stored?.order.extra).toMatchObject({
        webhook_id: '12',
        store_url: 'https://shop.example.com/',
        woocommerce_status: 'processing',
        payment_method: 'stripe',
        payment_method_title: 'Credit / Debit Card',
        transaction_id: 'pi_3OxYz2KJ8aBcDeFg1HiJkLmN',
        customer_note: 'Please leave at the front desk.'
      })
      expect(stored?.items).toEqual([
        { position: 0, title: 'Nike Dunk Low Retro', variant: '9.5', sku: 'DD1391-100-9.5', quantity: 1, unit_price: 115 },
        { position: 1, title: 'Sneaker Cleaning Kit', variant: null, sku: 'CLN-KIT-01', quantity: 2, unit_price: 27.5 },
        { position: 2, title: 'Everyday Crew Socks (3-Pack)', variant: null, sku: 'SOCK-3PK-BLK', quantity: 1, unit_price: 60 }
      ])
      expect(stored?.trackings).toEqual([])

      const log = await lastDeliveryLog(t)
      expect(log).toMatchObject({
        source: 'woocommerce',
        outcome: 'created',
        status_code: 200,
        order_id: stored?.order.id,
        delivery_key: expect.stringMatching(/^woocommerce:[\w-]{22}:5d41402abc4b2a76b9719d911017c592$/),
        raw_body: BODY.toString('utf8')
      })
      expect(log.headers['x-wc-webhook-signature']).toBe('[redacted]')
      expect(stored?.events.map((event) => [event.event_type, event.source, event.delivery_id])).toEqual([['created', 'woocommerce', log.id]])
    })

    it('answers 401 to a wrong signature and stores no order', async () => {
      const res = await postDelivery(t.app, BODY, { ...WOO_HEADERS, 'X-WC-Webhook-Signature': base64Hmac('not-the-secret', BODY) })
      expect(res.statusCode).toBe(401)
      expect(res.json()).toMatchObject({ success: false, error: { code: 'SIGNATURE_INVALID' } })
      expect(await orderCount(t)).toBe(0)
      expect(await lastDeliveryLog(t)).toMatchObject({ source: 'woocommerce', outcome: 'unauthorized', status_code: 401 })
    })

    it('answers the ping, sent as the raw form bytes of the request file, with exactly 200 and no order', async () => {
      expect(PING.body.toString('latin1')).toBe('webhook_id=12')
      const res = await postDelivery(t.app, PING.body, PING.headers, PING.path)
      expect(res.statusCode).toBe(200)
      expect(await orderCount(t)).toBe(0)
      expect(await lastDeliveryLog(t)).toMatchObject({
        source: 'woocommerce', outcome: 'ping', status_code: 200, details: { webhook_id: '12' }, raw_body: 'webhook_id=12'
      })
    })

    it('adds the Shipment Tracking numbers of an order.updated and marks a completed order shipped', async () => {
      await postDelivery(t.app, BODY, WOO_HEADERS)
      const completed = editBody(BODY,
        ['"status":"processing"', '"status":"completed"'],
        ['"date_modified_gmt":"2025-03-14T17:12:09"', '"date_modified_gmt":"2025-03-16T09:30:00"'],
        ['"meta_data":[{"id":90211', '"meta_data":[{"id":90290,"key":"_wc_shipment_tracking_items","value":[' +
          '{"tracking_provider":"ups","custom_tracking_provider":"","tracking_number":"1Z999AA10123456784","date_shipped":"1742083200"},' +
          '{"tracking_provider":"","custom_tracking_provider":"OnTrac","tracking_number":"C10999911320231","date_shipped":"1742083200"}]},' +
          '{"id":90211'])
      const res = await postDelivery(t.app, completed, headersFor(completed, 'order.updated', 'woo-delivery-2'))
      expect(res.json()).toMatchObject({ action: 'updated' })

      const stored = await storedOrder(t, '4821')
      expect(stored?.order).toMatchObject({ status: 'shipped', tracking_number: 'C10999911320231', carrier: 'OnTrac' })
      expect(stored?.trackings).toEqual([
        { tracking_number: '1Z999AA10123456784', carrier: 'ups', source: 'woocommerce' },
        { tracking_number: 'C10999911320231', carrier: 'OnTrac', source: 'woocommerce' }
      ])
      expect(stored?.order.extra).toMatchObject({ woocommerce_status: 'completed' })
    })

    it('logs an order.updated with an older date_modified_gmt as stale and leaves the order alone', async () => {
      await postDelivery(t.app, BODY, WOO_HEADERS)
      const newer = editBody(BODY,
        ['"status":"processing"', '"status":"on-hold"'],
        ['"date_modified_gmt":"2025-03-14T17:12:09"', '"date_modified_gmt":"2025-03-14T18:00:00"'])
      expect((await postDelivery(t.app, newer, headersFor(newer, 'order.updated', 'woo-newer'))).json()).toMatchObject({ action: 'updated' })
      const before = await storedOrder(t, '4821')

      const older = editBody(BODY,
        ['"status":"processing"', '"status":"cancelled"'],
        ['"date_modified_gmt":"2025-03-14T17:12:09"', '"date_modified_gmt":"2025-03-14T17:30:00"'])
      const res = await postDelivery(t.app, older, headersFor(older, 'order.updated', 'woo-older'))
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ success: true, order_number: '4821', action: 'stale' })
      expect(await storedOrder(t, '4821')).toEqual(before)
      expect(before?.order).toMatchObject({ status: 'on-hold', source_updated_at: '2025-03-14T18:00:00.000Z' })
      expect(await lastDeliveryLog(t)).toMatchObject({ source: 'woocommerce', outcome: 'stale', order_id: before?.order.id })
    })
  })

  describe(`WooCommerce secrets and the ping (${kind})`, () => {
    it('accepts any secret of a comma-separated WOOCOMMERCE_WEBHOOK_SECRET, so several shops share the URL', async () => {
      const t = await buildTestApp(kind, { WOOCOMMERCE_WEBHOOK_SECRET: `second-shop-secret,${SECRET}` })
      try {
        expect((await postDelivery(t.app, BODY, WOO_HEADERS)).statusCode).toBe(200)
        const other = editBody(BODY, ['"number":"4821"', '"number":"B-77"'])
        expect((await postDelivery(t.app, other, headersFor(other, 'order.created', 'woo-b', 'second-shop-secret'))).statusCode).toBe(200)
        expect(await orderCount(t)).toBe(2)
      } finally {
        await t.close()
      }
    })

    it('answers the unsigned ping with exactly 200 even when WEBHOOK_SECRET and WOOCOMMERCE_WEBHOOK_SECRET are set', async () => {
      const t = await buildTestApp(kind, { WEBHOOK_SECRET: 'guide-secret', WOOCOMMERCE_WEBHOOK_SECRET: SECRET })
      try {
        const res = await postDelivery(t.app, PING.body, PING.headers, PING.path)
        expect(res.statusCode).toBe(200)
        expect(res.json()).toMatchObject({ success: true, action: 'ping' })
        expect(await orderCount(t)).toBe(0)
        expect(await lastDeliveryLog(t)).toMatchObject({ source: 'woocommerce', outcome: 'ping', status_code: 200 })
      } finally {
        await t.close()
      }
    })
  })
}
