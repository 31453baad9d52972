import { createHmac } from 'node:crypto'
import { connect } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { fixture, lastDeliveryLog, orderCount, SHOPIFY_HEADERS, storedOrder } from '../http/senders.support.ts'

// Written, not ended: WordPress keeps its side open until the answer; a half-closed socket is dropped by Node's server
// when the answer takes longer than reading (as it does on PostgreSQL).
/** Writes bytes as they are and reads the answer until the server closes (the request says `Connection: close`). */
async function sendRaw (port: number, bytes: Buffer): Promise<string> {
  return await new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes))
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')))
  })
}

// What only a socket shows: the senders' bytes as a client writes them, and multipart as fetch encodes it.
for (const kind of testDatabases()) {
  describe(`senders on a real socket (${kind})`, () => {
    let t: TestApp
    let base: string
    let port: number
    beforeAll(async () => {
      t = await buildTestApp(kind, {
        WEBHOOK_SECRET: 'guide-secret',
        SHOPIFY_WEBHOOK_SECRET: 'test-shopify-secret',
        WOOCOMMERCE_WEBHOOK_SECRET: 'test-woo-secret',
        WEBHOOK_URL_TOKEN: 'bot-token'
      })
      base = await t.app.listen({ port: 0, host: '127.0.0.1' })
      port = Number(new URL(base).port)
    })
    afterAll(async () => { await t.close() })

    it('answers the WooCommerce ping, written byte for byte from its request file, with exactly 200', async () => {
      const answer = await sendRaw(port, fixture('woocommerce-ping.http'))
      expect(answer).toMatch(/^HTTP\/1\.[01] 200 /)
      expect(await lastDeliveryLog(t)).toMatchObject({ source: 'woocommerce', outcome: 'ping', raw_body: 'webhook_id=12' })
    })

    it('takes a signed, gzip-compressed list of orders sent in chunks, each order a delivery of its own', async () => {
      const list = Buffer.from('[{"order_number":"GZ-1","product":"Dunk Low","qty":"x2"},{"order_number":"GZ-2","price":"1.299,99 €"},{"order_number":""}]')
      const body = gzipSync(list)
      const signature = createHmac('sha256', 'guide-secret').update(body).digest('hex')
      const head = 'POST /api/v2/webhooks/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n' +
        `X-Webhook-Signature: ${signature}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`
      const half = Math.floor(body.length / 2)
      const chunk = (bytes: Buffer): Buffer => Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')])
      const answer = await sendRaw(port, Buffer.concat([Buffer.from(head), chunk(body.subarray(0, half)), chunk(body.subarray(half)), Buffer.from('0\r\n\r\n')]))
      expect(answer).toMatch(/^HTTP\/1\.1 207 /)
      const json = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4).replace(/^[0-9a-f]+\r\n|\r\n0\r\n\r\n$/g, '')) as { results: Array<{ success: boolean, order_number?: string }> }
      expect(json.results.map((r) => [r.success, r.order_number])).toEqual([[true, 'GZ-1'], [true, 'GZ-2'], [false, undefined]])
      expect((await storedOrder(t, 'GZ-1'))?.order).toMatchObject({ quantity: 2, product: 'Dunk Low' })
      expect((await storedOrder(t, 'GZ-2'))?.order).toMatchObject({ price: 1299.99, currency: 'EUR' })
      expect(await lastDeliveryLog(t)).toMatchObject({ raw_body: '{"order_number":""}', outcome: 'rejected', error_code: 'ORDER_NUMBER_MISSING' })
    })

    it('verifies the Shopify fixture posted by an HTTP client with its real headers', async () => {
      const res = await fetch(`${base}/api/v2/webhooks/orders`, { method: 'POST', headers: SHOPIFY_HEADERS, body: new Uint8Array(fixture('shopify-orders-create.wire.json')) })
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ order_number: '1001', action: 'created' })
    })

    it('reads a bot post that fetch encodes as multipart, as discord.js sends a file, through the token URL', async () => {
      const form = new FormData()
      form.append('payload_json', fixture('discord-bot-success.json').toString('utf8').replace('#1001', '#BOT-1001'))
      form.append('files[0]', new Blob([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: 'image/png' }), 'checkout.png')
      const before = await orderCount(t)
      const res = await fetch(`${base}/api/v2/webhooks/orders/bot-token?wait=true`, { method: 'POST', body: form })
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ id: expect.stringMatching(/^\d+$/), type: 0 })
      expect(await orderCount(t)).toBe(before + 1)
      expect((await storedOrder(t, 'BOT-1001'))?.order).toMatchObject({ store: 'Kicks Depot', source: 'discord' })
    })
  })
}
