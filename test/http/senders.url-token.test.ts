import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hexHmac, postDelivery } from '../helpers/post-order.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { fixture, lastDeliveryLog, orderCount } from './senders.support.ts'

const TOKENS = ['tok1', 'tok2']
const WRONG_TOKEN = 'tok3-not-configured'
const BOT_POST = fixture('discord-bot-success.json')
const JSON_HEADERS = { 'content-type': 'application/json' }
const TABLES = ['orders', 'order_items', 'order_tracking', 'order_events', 'webhook_logs', 'processed_deliveries'] as const

for (const kind of testDatabases()) {
  describe(`the secret URL (${kind})`, () => {
    let t: TestApp
    beforeEach(async () => { t = await buildTestApp(kind, { WEBHOOK_URL_TOKEN: TOKENS.join(','), WEBHOOK_SECRET: 'guide-secret' }) })
    afterEach(async () => { await t.close() })

    /** Every value of every column of every row, as text, to look for a secret in. */
    const everythingStored = async (): Promise<string[]> => {
      const values: string[] = []
      for (const table of TABLES) {
        const rows = await t.store.db.kysely.selectFrom(table).selectAll().execute()
        for (const row of rows) values.push(...Object.values(row).map((value) => String(value)))
      }
      return values
    }

    it('answers 401 to an unsigned bot post on the plain URL when WEBHOOK_SECRET is set', async () => {
      const res = await postDelivery(t.app, BOT_POST, JSON_HEADERS)
      expect(res.statusCode).toBe(401)
      expect(res.json()).toMatchObject({ success: false, error: { code: 'SIGNATURE_MISSING' } })
      expect(await orderCount(t)).toBe(0)
    })

    it.each(TOKENS)('accepts an unsigned bot post through the URL with token %s', async (token) => {
      const res = await postDelivery(t.app, BOT_POST, JSON_HEADERS, `/api/v2/webhooks/orders/${token}`)
      expect(res.statusCode).toBe(204)
      expect(await orderCount(t)).toBe(1)
      expect(await lastDeliveryLog(t)).toMatchObject({ source: 'discord', outcome: 'created', path: '/api/v2/webhooks/orders/[redacted]' })
    })

    it('answers with a Discord message through the token URL with ?wait=true, as discord.js calls it', async () => {
      const res = await postDelivery(t.app, BOT_POST, JSON_HEADERS, '/api/v2/webhooks/orders/tok2?wait=true')
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ type: 0, channel_id: expect.any(String) })
      expect((await lastDeliveryLog(t)).path).toBe('/api/v2/webhooks/orders/[redacted]?wait=true')
    })

    it('answers 401 to a wrong token and stores no order', async () => {
      const res = await postDelivery(t.app, BOT_POST, JSON_HEADERS, `/api/v2/webhooks/orders/${WRONG_TOKEN}`)
      expect(res.statusCode).toBe(401)
      expect(res.json()).toMatchObject({ success: false, error: { code: 'TOKEN_INVALID' } })
      expect(res.body).not.toContain(WRONG_TOKEN)
      expect(await orderCount(t)).toBe(0)
      expect(await lastDeliveryLog(t)).toMatchObject({ outcome: 'unauthorized', status_code: 401 })
    })

    it('accepts a signed guide delivery on the plain URL alongside the tokens', async () => {
      const body = '{"order_number":"SIGNED-1"}'
      expect((await postDelivery(t.app, body, { 'x-webhook-signature': hexHmac('guide-secret', body) })).statusCode).toBe(200)
    })

    it('never stores a token, right or wrong, in any column of any row', async () => {
      for (const url of ['/api/v2/webhooks/orders/tok1', '/api/v2/webhooks/orders/tok2?wait=true', `/api/v2/webhooks/orders/${WRONG_TOKEN}`]) {
        await postDelivery(t.app, BOT_POST, JSON_HEADERS, url)
      }
      await postDelivery(t.app, '{"order_number":"T-1"}', { 'x-webhook-signature': hexHmac('guide-secret', '{"order_number":"T-1"}') }, '/api/v2/webhooks/orders/tok2?wait=1')
      await postDelivery(t.app, 'not json', JSON_HEADERS, '/api/v2/webhooks/orders/tok1')

      const stored = await everythingStored()
      expect((await t.store.db.kysely.selectFrom('webhook_logs').select('id').execute()).length).toBe(5)
      for (const secret of [...TOKENS, WRONG_TOKEN, 'guide-secret']) {
        expect(stored.filter((value) => value.includes(secret)), secret).toEqual([])
      }
    })
  })
}
