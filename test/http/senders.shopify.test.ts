import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { base64Hmac, postDelivery } from '../helpers/post-order.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import {
  deliveryLogs, editBody, eventCount, fixture, lastDeliveryLog, orderCount, SHOPIFY_HEADERS, storedOrder
} from './senders.support.ts'

const SECRET = 'test-shopify-secret'
const BODY = fixture('shopify-orders-create.wire.json')

/** The fixture's headers for another event of the same order: its own topic, event id and signature. */
function headersFor (body: Buffer, topic: string, eventId: string, secret = SECRET): Record<string, string> {
  return { ...SHOPIFY_HEADERS, 'X-Shopify-Topic': topic, 'X-Shopify-Event-Id': eventId, 'X-Shopify-Hmac-Sha256': base64Hmac(secret, body) }
}

for (const kind of testDatabases()) {
  describe(`Shopify deliveries (${kind})`, () => {
    let t: TestApp
    beforeEach(async () => { t = await buildTestApp(kind, { SHOPIFY_WEBHOOK_SECRET: SECRET }) })
    afterEach(async () => { await t.close() })

    it('stores the orders/create fixture sent byte for byte with its real headers and signature', async () => {
      const res = await postDelivery(t.app, BODY, SHOPIFY_HEADERS)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ success: true, order_number: '1001', action: 'created' })

      const stored = await storedOrder(t, '1001')
      expect(stored?.order).toMatchObject({
        product: 'Air Jordan 1 Retro High OG + 1 more',
        quantity: 3,
        size: null,
        sku: null,
        total: 239.32,
        currency: 'USD',
        email: 'maya.okafor@example.com',
        customer_name: 'Maya Okafor',
        store: 'kicks-depot.myshopify.com',
        status: 'processing',
        order_date: '2025-03-14T16:41:27.000Z',
        platform_order_id: '5981234567890',
        source: 'shopify',
        source_updated_at: '2025-03-14T16:41:29.000Z'
      })
      expect(stored?.order.extra).not.toHaveProperty('topic')
      // The fixture's `"fulfillment_status": null` (not fulfilled yet) is nothing to keep.
      expect(stored?.order.extra).not.toHaveProperty('fulfillment_status')
      expect(stored?.order.extra).toMatchObject({
        shop_domain: 'kicks-depot.myshopify.com',
        order_id: '5981234567890',
        financial_status: 'paid',
        gateway: 'shopify_payments',
        confirmation_number: 'K7QWZ3PXA',
        source_name: 'web'
      })
      expect(stored?.items).toEqual([
        { position: 0, title: 'Air Jordan 1 Retro High OG', variant: '10 / Varsity Red', sku: 'DZ5485-612-10', quantity: 1, unit_price: 180 },
        { position: 1, title: 'Everyday Cushioned Crew Socks', variant: 'M / Black', sku: 'SX7664-010-M', quantity: 2, unit_price: 14 }
      ])
      expect(stored?.trackings).toEqual([])

      const log = await lastDeliveryLog(t)
      expect(log).toMatchObject({
        source: 'shopify',
        outcome: 'created',
        status_code: 200,
        order_id: stored?.order.id,
        order_number: '1001',
        delivery_key: expect.stringMatching(/^shopify:[\w-]{22}:9a7c2f41-5e3b-4d8a-b6c1-0f2e9d8c7b65$/),
        raw_body: BODY.toString('utf8')
      })
      expect(log.headers['x-shopify-hmac-sha256']).toBe('[redacted]')
      expect(stored?.events).toHaveLength(1)
      expect(stored?.events[0]).toMatchObject({ event_type: 'created', source: 'shopify', delivery_id: log.id })
      expect(stored?.events[0]?.changes).toEqual(expect.arrayContaining([
        { field: 'status', old: null, new: 'processing' },
        { field: 'items', old: null, new: ['1 x Air Jordan 1 Retro High OG (10 / Varsity Red)', '2 x Everyday Cushioned Crew Socks (M / Black)'] }
      ]))
    })

    it('answers 401 to a wrong signature and stores no order', async () => {
      const res = await postDelivery(t.app, BODY, { ...SHOPIFY_HEADERS, 'X-Shopify-Hmac-Sha256': base64Hmac('not-the-secret', BODY) })
      expect(res.statusCode).toBe(401)
      expect(res.json()).toMatchObject({ success: false, error: { code: 'SIGNATURE_INVALID' } })
      expect(await orderCount(t)).toBe(0)
      expect(await lastDeliveryLog(t)).toMatchObject({ source: 'shopify', outcome: 'unauthorized', status_code: 401, order_id: null })
    })

    it('answers 401 to the fixture signature over a body changed by one byte', async () => {
      const tampered = editBody(BODY, ['"total_price":"239.32"', '"total_price":"239.33"'])
      expect((await postDelivery(t.app, tampered, SHOPIFY_HEADERS)).statusCode).toBe(401)
      expect(await orderCount(t)).toBe(0)
    })

    it('adds every tracking number of an orders/fulfilled delivery and marks the order shipped', async () => {
      await postDelivery(t.app, BODY, SHOPIFY_HEADERS)
      const fulfilled = editBody(BODY,
        ['"fulfillment_status":null,"landing_site"', '"fulfillment_status":"fulfilled","landing_site"'],
        ['"updated_at":"2025-03-14T09:41:29-07:00","user_id"', '"updated_at":"2025-03-15T11:02:10-07:00","user_id"'],
        ['"fulfillments":[]', '"fulfillments":[{"id":5512345678901,"name":"#1001.1","status":"success","tracking_company":"UPS",' +
          '"tracking_number":"1Z999AA10123456784","tracking_numbers":["1Z999AA10123456784","1Z999AA10123456785"],' +
          '"tracking_url":"https:\\/\\/www.ups.com\\/track?tracknum=1Z999AA10123456784"},{"id":5512345678902,"name":"#1001.2",' +
          '"status":"cancelled","tracking_company":"USPS","tracking_number":"9400111899223344556677"}]'])
      const res = await postDelivery(t.app, fulfilled, headersFor(fulfilled, 'orders/fulfilled', 'evt-fulfilled-1'))
      expect(res.json()).toMatchObject({ action: 'updated' })

      const stored = await storedOrder(t, '1001')
      expect(stored?.order).toMatchObject({ status: 'shipped', tracking_number: '1Z999AA10123456785', carrier: 'UPS' })
      expect(stored?.trackings).toEqual([
        { tracking_number: '1Z999AA10123456784', carrier: 'UPS', source: 'shopify' },
        { tracking_number: '1Z999AA10123456785', carrier: 'UPS', source: 'shopify' }
      ])
      expect(stored?.events.map((event) => event.event_type)).toEqual(['created', 'updated'])
    })

    it('drops the tracking number of a fulfilment cancelled later, and the order takes the newest live one', async () => {
      await postDelivery(t.app, BODY, SHOPIFY_HEADERS)
      const fedex = '{"id":5512345678901,"name":"#1001.1","status":"success","tracking_company":"FedEx","tracking_number":"794612345678"}'
      const fulfilled = editBody(BODY,
        ['"updated_at":"2025-03-14T09:41:29-07:00","user_id"', '"updated_at":"2025-03-15T11:02:10-07:00","user_id"'],
        ['"fulfillments":[]', `"fulfillments":[${fedex}]`])
      await postDelivery(t.app, fulfilled, headersFor(fulfilled, 'orders/fulfilled', 'evt-void-1'))
      expect((await storedOrder(t, '1001'))?.order.tracking_number).toBe('794612345678')

      const relabelled = editBody(BODY,
        ['"updated_at":"2025-03-14T09:41:29-07:00","user_id"', '"updated_at":"2025-03-15T12:00:00-07:00","user_id"'],
        ['"fulfillments":[]', `"fulfillments":[${fedex.replace('"success"', '"cancelled"')},` +
          '{"id":5512345678902,"name":"#1001.2","status":"success","tracking_company":"UPS","tracking_number":"1Z999AA10123456784"}]'])
      expect((await postDelivery(t.app, relabelled, headersFor(relabelled, 'orders/updated', 'evt-void-2'))).json()).toMatchObject({ action: 'updated' })
      const stored = await storedOrder(t, '1001')
      expect(stored?.trackings.map((tracking) => tracking.tracking_number)).toEqual(['1Z999AA10123456784'])
      expect(stored?.order.tracking_number).toBe('1Z999AA10123456784')
      expect(stored?.events.at(-1)?.changes).toContainEqual({ field: 'trackings', old: ['794612345678'], new: ['1Z999AA10123456784'] })

      // A fulfillments/update cancelling the last one leaves the order without a tracking number.
      const cancelled = Buffer.from(JSON.stringify({ id: 5512345678902, order_id: 5981234567890, name: '#1001.2', status: 'cancelled', tracking_company: 'UPS', tracking_number: '1Z999AA10123456784' }))
      await postDelivery(t.app, cancelled, headersFor(cancelled, 'fulfillments/update', 'evt-void-3'))
      const after = await storedOrder(t, '1001')
      expect(after?.trackings).toEqual([])
      expect(after?.order.tracking_number).toBeNull()
    })

    it('logs the "Send test notification" sample order #9999 as a test and stores no order', async () => {
      const sample = editBody(BODY,
        ['"test":false', '"test":true'],
        ['"name":"#1001"', '"name":"#9999"'],
        ['"cancelled_at":null', '"cancelled_at":"2025-03-14T09:45:00-07:00"'])
      const res = await postDelivery(t.app, sample, headersFor(sample, 'orders/create', 'evt-test-1'))
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ success: true, action: 'test' })
      expect(await orderCount(t)).toBe(0)
      expect(await lastDeliveryLog(t)).toMatchObject({
        source: 'shopify',
        outcome: 'test',
        status_code: 200,
        order_id: null,
        details: { topic: 'orders/create', shop_domain: 'kicks-depot.myshopify.com', name: '#9999' }
      })
    })

    it('keeps a platform id above 2^53 exactly, as text', async () => {
      const big = editBody(BODY, ['{"id":5981234567890,', '{"id":820982911946154508,'])
      const res = await postDelivery(t.app, big, headersFor(big, 'orders/create', 'evt-big-id'))
      expect(res.statusCode).toBe(200)
      const stored = await storedOrder(t, '1001')
      expect(stored?.order.platform_order_id).toBe('820982911946154508')
      expect(stored?.order.extra.order_id).toBe('820982911946154508')
    })

    it('logs an orders/updated older than the last one applied as stale and leaves the order alone', async () => {
      await postDelivery(t.app, BODY, SHOPIFY_HEADERS)
      const newer = editBody(BODY,
        ['"email":"maya.okafor@example.com","estimated_taxes"', '"email":"maya.new@example.com","estimated_taxes"'],
        ['"updated_at":"2025-03-14T09:41:29-07:00","user_id"', '"updated_at":"2025-03-14T10:30:00-07:00","user_id"'])
      expect((await postDelivery(t.app, newer, headersFor(newer, 'orders/updated', 'evt-newer'))).json()).toMatchObject({ action: 'updated' })
      const before = await storedOrder(t, '1001')

      // Retried late: its updated_at is between the create and the update above.
      const older = editBody(BODY,
        ['"email":"maya.okafor@example.com","estimated_taxes"', '"email":"maya.old@example.com","estimated_taxes"'],
        ['"financial_status":"paid"', '"financial_status":"refunded"'],
        ['"updated_at":"2025-03-14T09:41:29-07:00","user_id"', '"updated_at":"2025-03-14T09:50:00-07:00","user_id"'])
      const res = await postDelivery(t.app, older, headersFor(older, 'orders/updated', 'evt-older'))
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ success: true, order_number: '1001', action: 'stale' })

      const after = await storedOrder(t, '1001')
      expect(after).toEqual(before)
      expect(after?.order).toMatchObject({ email: 'maya.new@example.com', status: 'processing', source_updated_at: '2025-03-14T17:30:00.000Z' })
      expect(await lastDeliveryLog(t)).toMatchObject({ source: 'shopify', outcome: 'stale', status_code: 200, order_id: after?.order.id })

      // Not applied, so its event id is not kept: Shopify's retry of it is read afresh and found stale again.
      const retry = await postDelivery(t.app, older, headersFor(older, 'orders/updated', 'evt-older'))
      expect(retry.json()).toMatchObject({ action: 'stale' })
    })

    it('takes a delivery with the same updated_at for unchanged, not stale', async () => {
      await postDelivery(t.app, BODY, SHOPIFY_HEADERS)
      const res = await postDelivery(t.app, BODY, headersFor(BODY, 'orders/create', 'evt-same-time'))
      expect(res.json()).toMatchObject({ action: 'unchanged' })
      expect(await eventCount(t)).toBe(1)
    })

    it('takes the routine orders/updated and orders/paid that carry the same order for unchanged, writing no event', async () => {
      await postDelivery(t.app, BODY, SHOPIFY_HEADERS)
      for (const topic of ['orders/updated', 'orders/paid']) {
        const res = await postDelivery(t.app, BODY, headersFor(BODY, topic, `evt-${topic}`))
        expect(res.json()).toMatchObject({ action: 'unchanged' })
      }
      expect(await eventCount(t)).toBe(1)
    })
  })

  describe(`Shopify secrets (${kind})`, () => {
    it('accepts any secret of a comma-separated SHOPIFY_WEBHOOK_SECRET, so a store can rotate its key', async () => {
      const t = await buildTestApp(kind, { SHOPIFY_WEBHOOK_SECRET: `next-shopify-secret, ${SECRET}` })
      try {
        expect((await postDelivery(t.app, BODY, SHOPIFY_HEADERS)).statusCode).toBe(200)
        const next = editBody(BODY, ['"name":"#1001"', '"name":"#1002"'])
        expect((await postDelivery(t.app, next, headersFor(next, 'orders/create', 'evt-next', 'next-shopify-secret'))).statusCode).toBe(200)
        expect(await orderCount(t)).toBe(2)
      } finally {
        await t.close()
      }
    })

    it('refuses a Shopify delivery with 401 when only WEBHOOK_SECRET is set, unless it came through the token URL', async () => {
      const t = await buildTestApp(kind, { WEBHOOK_SECRET: 'guide-secret', WEBHOOK_URL_TOKEN: 'shop-url-token' })
      try {
        const direct = await postDelivery(t.app, BODY, SHOPIFY_HEADERS)
        expect(direct.statusCode).toBe(401)
        expect(direct.json().error.message).toMatch(/SHOPIFY_WEBHOOK_SECRET/)
        expect(await orderCount(t)).toBe(0)

        const viaToken = await postDelivery(t.app, BODY, SHOPIFY_HEADERS, '/api/v2/webhooks/orders/shop-url-token')
        expect(viaToken.statusCode).toBe(200)
        expect(viaToken.json()).toMatchObject({ order_number: '1001', action: 'created' })
        expect((await deliveryLogs(t)).map((log) => [log.source, log.outcome])).toEqual([['shopify', 'unauthorized'], ['shopify', 'created']])
      } finally {
        await t.close()
      }
    })

    it('still refuses a wrong Shopify signature through the token URL when SHOPIFY_WEBHOOK_SECRET is set', async () => {
      const t = await buildTestApp(kind, { SHOPIFY_WEBHOOK_SECRET: SECRET, WEBHOOK_URL_TOKEN: 'shop-url-token' })
      try {
        const forged = { ...SHOPIFY_HEADERS, 'X-Shopify-Hmac-Sha256': base64Hmac('not-the-secret', BODY) }
        expect((await postDelivery(t.app, BODY, forged, '/api/v2/webhooks/orders/shop-url-token')).statusCode).toBe(401)
        expect(await orderCount(t)).toBe(0)
      } finally {
        await t.close()
      }
    })
  })
}
