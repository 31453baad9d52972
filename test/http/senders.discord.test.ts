import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { postDelivery } from '../helpers/post-order.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { fixture, lastDeliveryLog, orderCount, SHOPIFY_HEADERS, storedOrder } from './senders.support.ts'
import { discordMultipart } from '../helpers/discord-multipart.ts'

const BODY = fixture('discord-bot-success.json')
const JSON_HEADERS = { 'content-type': 'application/json' }
const BOUNDARY = '----roms-test-7MA4YWxkTrZu0gW'
// Enough of a PNG to be binary: the signature, a CR LF pair and bytes that are not UTF-8.
const SCREENSHOT = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from([0xff, 0xfe, 0x00, 0x0d, 0x0a, 0x2d, 0x2d])])

const multipart = (payloadJson: string, file?: Buffer): Buffer => discordMultipart(BOUNDARY, payloadJson, file)
const MULTIPART_HEADERS = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }

const field = (name: string, value: string, inline = true): Record<string, unknown> => ({ name, value, inline })

for (const kind of testDatabases()) {
  describe(`checkout bot posts (${kind})`, () => {
    let t: TestApp
    beforeEach(async () => { t = await buildTestApp(kind) })
    afterEach(async () => { await t.close() })

    it('stores the address of an account the bot prints as "email:password", and the password nowhere on the order', async () => {
      const body = JSON.stringify({ username: 'Bot', embeds: [{ title: 'Successful Checkout', fields: [field('Order', 'ACC-1'), field('Account', '||john@example.com:hunter2||'), field('Price', 'Free')] }] })
      expect((await postDelivery(t.app, body, JSON_HEADERS)).statusCode).toBe(204)
      const stored = await storedOrder(t, 'ACC-1')
      expect(stored?.order).toMatchObject({ email: 'john@example.com', price: 0 })
      // The order, its items and its history; the delivery record keeps the bytes as the bot sent them.
      expect(JSON.stringify(stored)).not.toContain('hunter2')
      const api = (await t.app.inject({ url: `/api/v2/orders/${stored?.order.id}` })).json()
      expect(JSON.stringify([api.order, api.items, api.events])).not.toContain('hunter2')
    })

    it('stores a checkout a bot posted in Slack\'s shape, recorded as from Slack', async () => {
      const body = JSON.stringify({ username: 'Valor', attachments: [{ title: 'Successful Checkout', fields: [{ title: 'Order', value: 'SL-9' }, { title: 'Product', value: 'Dunk Low' }, { title: 'Price', value: '$110' }] }] })
      const res = await postDelivery(t.app, body, JSON_HEADERS)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ success: true, order_number: 'SL-9', action: 'created' })
      expect((await storedOrder(t, 'SL-9'))?.order).toMatchObject({ product: 'Dunk Low', price: 110, quantity: 1, status: 'verified', source: 'slack' })
      expect(await lastDeliveryLog(t)).toMatchObject({ source: 'slack', outcome: 'created', raw_body: body })
    })

    it('answers the fixture post with 204 and no body, as Discord does, and stores the checkout', async () => {
      const res = await postDelivery(t.app, BODY, JSON_HEADERS)
      expect(res.statusCode).toBe(204)
      expect(res.body).toBe('')

      const stored = await storedOrder(t, '1001')
      expect(stored?.order).toMatchObject({
        product: 'Air Jordan 1 Retro High OG',
        size: '10',
        price: 180,
        currency: null,
        store: 'Kicks Depot',
        profile: 'Main Visa',
        email: 'maya.okafor@example.com',
        proxy_list: 'isp-pool-3',
        // The post has no Quantity field: its one item is one unit, and so is the order.
        quantity: 1,
        status: 'verified',
        order_date: '2025-03-14T16:41:29.512Z',
        source: 'discord'
      })
      expect(stored?.order.extra).toMatchObject({ bot: 'Orion AIO', title: 'Successful checkout (Fast)', checkout_speed: '2481 ms' })
      expect(stored?.items).toEqual([{ position: 0, title: 'Air Jordan 1 Retro High OG', variant: '10', sku: null, quantity: 1, unit_price: 180 }])
      const log = await lastDeliveryLog(t)
      expect(log).toMatchObject({ source: 'discord', outcome: 'created', status_code: 204, order_id: stored?.order.id, raw_body: BODY.toString('utf8') })
      expect(stored?.events.map((event) => [event.event_type, event.delivery_id])).toEqual([['created', log.id]])
    })

    it('answers ?wait=true with 200 and a message object that discord.js can read', async () => {
      const res = await postDelivery(t.app, BODY, JSON_HEADERS, '/api/v2/webhooks/orders?wait=true')
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toMatch(/^application\/json/)
      const message = res.json()
      // discord.js builds a Message from this: the ids are snowflakes (digit strings it reads with BigInt), and it maps
      // over every list.
      expect(message).toMatchObject({
        id: expect.stringMatching(/^\d+$/),
        type: 0,
        content: expect.any(String),
        channel_id: expect.stringMatching(/^\d+$/),
        author: { id: expect.stringMatching(/^\d+$/), username: expect.any(String), bot: true },
        embeds: expect.any(Array),
        attachments: expect.any(Array),
        mentions: expect.any(Array),
        mention_roles: expect.any(Array),
        components: expect.any(Array),
        tts: false,
        pinned: false,
        mention_everyone: false,
        flags: expect.any(Number),
        webhook_id: expect.stringMatching(/^\d+$/)
      })
      expect(new Date(message.timestamp).toISOString()).toBe(message.timestamp)
      expect(() => BigInt(message.id)).not.toThrow()
      // A snowflake's upper bits are milliseconds since 2015-01-01: discord.js dates the message by them.
      const createdAt = Number(BigInt(message.id) >> 22n) + 1_420_070_400_000
      expect(Math.abs(createdAt - Date.now())).toBeLessThan(60 * 60_000)
      expect(await orderCount(t)).toBe(1)
      expect(await lastDeliveryLog(t)).toMatchObject({ outcome: 'created', status_code: 200 })
    })

    it('reads a multipart post from its payload_json part and ignores the attached file', async () => {
      const res = await postDelivery(t.app, multipart(BODY.toString('utf8'), SCREENSHOT), MULTIPART_HEADERS)
      expect(res.statusCode).toBe(204)
      expect((await storedOrder(t, '1001'))?.order).toMatchObject({ product: 'Air Jordan 1 Retro High OG', store: 'Kicks Depot' })
      expect(await lastDeliveryLog(t)).toMatchObject({ source: 'discord', outcome: 'created', content_type: MULTIPART_HEADERS['content-type'] })
    })

    it('reads a multipart post that holds only payload_json, and answers it with a message under ?wait=true', async () => {
      const res = await postDelivery(t.app, multipart(BODY.toString('utf8')), MULTIPART_HEADERS, '/api/v2/webhooks/orders?wait=true')
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ type: 0, channel_id: expect.any(String) })
      expect(await orderCount(t)).toBe(1)
    })

    it.each([
      ['an embed titled as a test', { username: 'Cybersole', embeds: [{ title: 'Test Webhook', description: 'Your webhook is working!' }] }],
      ['a bare message', { username: 'Kodai', content: 'Webhook test' }],
      ['a test showing sample order data', {
        username: 'Valor',
        embeds: [{ title: 'Test Checkout', fields: [field('Product', 'Sample Product'), field('Order #', '#TEST-0001'), field('Profile', 'Example')] }]
      }],
      ['a bot\'s hello with no order data', { username: 'Prism', content: 'hello from Prism' }]
    ])('answers %s with 2xx, logs a test and stores no order', async (_name, post) => {
      const res = await postDelivery(t.app, JSON.stringify(post), JSON_HEADERS)
      expect(res.statusCode).toBe(204)
      expect(await orderCount(t)).toBe(0)
      expect(await lastDeliveryLog(t)).toMatchObject({ source: 'discord', outcome: 'test', status_code: 204, order_id: null })
    })

    it('logs a "Card Declined" embed as declined with its store, product, profile and proxy, and stores no order', async () => {
      const post = {
        username: 'Cybersole',
        embeds: [{
          title: 'Card Declined',
          color: 15158332,
          fields: [
            field('Store', 'Footsites US'), field('Product', 'Jordan 11 Retro Gamma Blue'), field('Size', '10.5'),
            field('Profile', '||Amex #2 $500||'), field('Proxy List', '||fs-resi-3||'), field('Reason', 'Insufficient funds')
          ]
        }]
      }
      const res = await postDelivery(t.app, JSON.stringify(post), JSON_HEADERS, '/api/v2/webhooks/orders?wait=true')
      expect(res.statusCode).toBe(200)
      expect(res.json().roms).toMatchObject({ action: 'declined', order_id: null })
      expect(await orderCount(t)).toBe(0)
      expect(await lastDeliveryLog(t)).toMatchObject({
        source: 'discord',
        outcome: 'declined',
        order_id: null,
        details: {
          bot: 'Cybersole',
          title: 'Card Declined',
          store: 'Footsites US',
          product: 'Jordan 11 Retro Gamma Blue',
          size: '10.5',
          profile: 'Amex #2 $500',
          proxy_list: 'fs-resi-3',
          reason: 'Insufficient funds'
        }
      })
    })

    it('logs a "Checkout Failed" post laid out as description lines as declined with what it carries', async () => {
      const post = {
        username: 'Wrath',
        embeds: [{
          author: { name: 'Checkout Failed' },
          description: 'Site: Foot Locker\nItem: Air Max 95 Neon\nBilling Profile: Discover\nProxy Details: ||fl-isp-2||\nError: Payment rejected by bank'
        }]
      }
      expect((await postDelivery(t.app, JSON.stringify(post), JSON_HEADERS)).statusCode).toBe(204)
      expect(await orderCount(t)).toBe(0)
      expect(await lastDeliveryLog(t)).toMatchObject({
        outcome: 'declined',
        details: { store: 'Foot Locker', product: 'Air Max 95 Neon', profile: 'Discover', proxy_list: 'fl-isp-2', reason: 'Payment rejected by bank' }
      })
    })

    it('does not set an order that moved on back to verified when a bot posts its checkout again', async () => {
      await postDelivery(t.app, BODY, JSON_HEADERS)
      await postDelivery(t.app, JSON.stringify({ order_number: '1001', status: 'shipped' }), JSON_HEADERS)
      expect((await postDelivery(t.app, BODY, JSON_HEADERS)).statusCode).toBe(204)
      expect((await storedOrder(t, '1001'))?.order.status).toBe('shipped')

      // A pending order (the guide's default) is confirmed by the bot's checkout.
      await postDelivery(t.app, JSON.stringify({ order_number: '2002' }), JSON_HEADERS)
      const post = { username: 'Orion AIO', embeds: [{ title: 'Successful checkout', fields: [field('Order Number', '2002'), field('Product', 'Dunk Low')] }] }
      await postDelivery(t.app, JSON.stringify(post), JSON_HEADERS)
      expect((await storedOrder(t, '2002'))?.order).toMatchObject({ status: 'verified', product: 'Dunk Low' })
    })

    it('fills in what the store\'s own order lacks, replacing none of its items, totals or date', async () => {
      const shopify = fixture('shopify-orders-create.wire.json')
      const secret = 'test-shopify-secret'
      const t2 = await buildTestApp(kind, { SHOPIFY_WEBHOOK_SECRET: secret })
      try {
        await postDelivery(t2.app, shopify, { ...SHOPIFY_HEADERS })
        const before = await storedOrder(t2, '1001')
        expect((await postDelivery(t2.app, BODY, JSON_HEADERS)).statusCode).toBe(204)
        const after = await storedOrder(t2, '1001')
        expect(after?.items).toEqual(before?.items)
        expect(after?.order).toMatchObject({
          product: before?.order.product,
          quantity: before?.order.quantity,
          total: before?.order.total,
          store: before?.order.store,
          order_date: before?.order.order_date,
          status: before?.order.status,
          profile: 'Main Visa',
          proxy_list: 'isp-pool-3'
        })
      } finally {
        await t2.close()
      }
    })

    it.each([
      ['Order Cancelled', 'cancelled'],
      ['Order Canceled by retailer', 'cancelled'],
      ['Refund issued', 'refunded'],
      ['Your order has shipped', 'shipped'],
      ['Package Delivered', 'delivered']
    ])('takes a "%s" post about a placed order as its new status, leaving the checkout\'s data alone', async (title, status) => {
      await postDelivery(t.app, BODY, JSON_HEADERS)
      const before = await storedOrder(t, '1001')
      const post = { username: 'Orion AIO', embeds: [{ title, timestamp: '2025-04-01T10:00:00.000Z', fields: [field('Order Number', '#1001'), field('Product', 'Air Jordan 1')] }] }
      expect((await postDelivery(t.app, JSON.stringify(post), JSON_HEADERS)).statusCode).toBe(204)
      const after = await storedOrder(t, '1001')
      expect(after?.order).toMatchObject({ status, product: before?.order.product, order_date: before?.order.order_date })
      expect(after?.items).toEqual(before?.items)
      expect(after?.events.at(-1)?.changes).toEqual([{ field: 'status', old: 'verified', new: status }])
    })

    it('adds the tracking number of an "Order Shipped" post', async () => {
      await postDelivery(t.app, BODY, JSON_HEADERS)
      const post = { embeds: [{ title: 'Order Shipped', fields: [field('Order', '1001'), field('Tracking Number', '1Z999AA10123456784'), field('Carrier', 'UPS')] }] }
      await postDelivery(t.app, JSON.stringify(post), JSON_HEADERS)
      const stored = await storedOrder(t, '1001')
      expect(stored?.order).toMatchObject({ status: 'shipped', tracking_number: '1Z999AA10123456784', carrier: 'UPS' })
      expect(stored?.trackings.map((tracking) => tracking.tracking_number)).toEqual(['1Z999AA10123456784'])
    })

    it('refuses news of an order ROMS does not have (422 ORDER_UNKNOWN, recorded), making no order of it', async () => {
      const post = { embeds: [{ title: 'Order Cancelled', fields: [field('Order Number', 'NEVER-SEEN'), field('Product', 'Air Jordan 1')] }] }
      const res = await postDelivery(t.app, JSON.stringify(post), JSON_HEADERS)
      expect(res.statusCode).toBe(422)
      expect(res.json().error).toMatchObject({ code: 'ORDER_UNKNOWN', field: 'order_number' })
      expect(await orderCount(t)).toBe(0)
      expect(await lastDeliveryLog(t)).toMatchObject({ outcome: 'rejected', status_code: 422, order_number: 'NEVER-SEEN', error_code: 'ORDER_UNKNOWN' })
    })

    it('refuses news of an order without its number, naming what it is', async () => {
      const post = { embeds: [{ title: 'Order Cancelled', fields: [field('Product', 'Air Jordan 1')] }] }
      const res = await postDelivery(t.app, JSON.stringify(post), JSON_HEADERS)
      expect(res.statusCode).toBe(400)
      expect(res.json().error).toMatchObject({ code: 'ORDER_NUMBER_MISSING' })
      expect(res.json().error.message).toMatch(/cancelled/)
    })
  })
}
