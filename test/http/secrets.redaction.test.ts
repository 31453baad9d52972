import { createHmac } from 'node:crypto'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.ts'
import { exposureWarnings } from '../../src/http/exposure-warnings.ts'
import { testConfig } from '../helpers/test-app.ts'
import { openTestStore, testDatabases, type TestStore } from '../helpers/test-database.ts'
import { base64Hmac, hexHmac } from '../helpers/post-order.ts'

const STANDARD_KEY = Buffer.from('standard-webhooks-secret-key-bytes-0042')
// Distinctive values, each with an older one beside it (rotation): any of them in a log line or a row is a leak.
const SECRETS = {
  WEBHOOK_SECRET: ['whs-old-7f3a9c2e1b', 'whs-cur-4d8e1f6a0c'],
  SHOPIFY_WEBHOOK_SECRET: ['shp-old-9a1b2c3d4e', 'shp-cur-5f6a7b8c9d'],
  WOOCOMMERCE_WEBHOOK_SECRET: ['woo-old-1a2b3c4d5e', 'woo-cur-6f7a8b9c0d'],
  STANDARD_WEBHOOKS_SECRET: [`whsec_${Buffer.from('standard-old-key-bytes-0099').toString('base64')}`, `whsec_${STANDARD_KEY.toString('base64')}`],
  WEBHOOK_URL_TOKEN: ['urltok-old-3c4d5e6f7a8b9c0d', 'urltok-cur-8b9c0d1e2f3a4b5c'],
  ROMS_API_TOKEN: ['apitok-old-2b3c4d5e6f7a8b9c', 'apitok-cur-0d1e2f3a4b5c6d7e']
}
const ALL_SECRETS = Object.values(SECRETS).flat()
// The base64 body of a whsec_ secret is the key itself.
const SEARCHED = [...ALL_SECRETS, ...SECRETS.STANDARD_WEBHOOKS_SECRET.map((s) => s.slice('whsec_'.length))]
const TABLES = ['orders', 'order_items', 'order_tracking', 'order_events', 'webhook_logs', 'processed_deliveries', 'email_messages'] as const

for (const kind of testDatabases()) {
  describe(`secrets never leak (${kind})`, () => {
    let db: TestStore
    let app: FastifyInstance
    const lines: string[] = []
    const answers: string[] = []
    beforeAll(async () => {
      db = await openTestStore(kind)
      const env = Object.fromEntries(Object.entries(SECRETS).map(([name, values]) => [name, values.join(',')]))
      const stream = new Writable({ write (chunk: Buffer, _encoding, done) { lines.push(chunk.toString('utf8')); done() } })
      app = await buildApp({ config: testConfig({ ...env, LOG_LEVEL: 'trace' }), store: db.store, logger: pino({ level: 'trace' }, stream) })
      await app.ready()
    })
    afterAll(async () => {
      await app.close()
      await db.cleanup()
    })

    const send = async (url: string, body: string, headers: Record<string, string>, method: 'POST' | 'GET' = 'POST'): Promise<number> => {
      const res = await app.inject({ method, url, ...(method === 'POST' ? { payload: body } : {}), headers: { 'content-type': 'application/json', ...headers } })
      answers.push(JSON.stringify(res.headers), res.body)
      return res.statusCode
    }
    const body = (n: string): string => JSON.stringify({ order_number: n, product: 'Dunk Low', email: 'buyer@example.com' })
    const standard = (key: Buffer, id: string, b: string): Record<string, string> => {
      const ts = String(Math.floor(Date.now() / 1000))
      return { 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': `v1,${createHmac('sha256', key).update(`${id}.${ts}.${b}`).digest('base64')}` }
    }

    it('accepts every scheme with the current and the previous secret (rotation)', async () => {
      for (const [i, secret] of SECRETS.WEBHOOK_SECRET.entries()) {
        expect(await send('/api/v2/webhooks/orders', body(`R-${i}`), { 'x-webhook-signature': hexHmac(secret, body(`R-${i}`)) })).toBe(200)
      }
      for (const [i, secret] of SECRETS.SHOPIFY_WEBHOOK_SECRET.entries()) {
        const b = JSON.stringify({ id: 1000 + i, name: `#S${i}`, email: 'buyer@example.com', financial_status: 'paid', line_items: [] })
        expect(await send('/api/v2/webhooks/orders', b, { 'x-shopify-topic': 'orders/create', 'x-shopify-hmac-sha256': base64Hmac(secret, b) })).toBe(200)
      }
      for (const [i, secret] of SECRETS.WOOCOMMERCE_WEBHOOK_SECRET.entries()) {
        const b = JSON.stringify({ id: 2000 + i, number: `W${i}`, status: 'processing', billing: { email: 'buyer@example.com' }, line_items: [] })
        expect(await send('/api/v2/webhooks/orders', b, { 'x-wc-webhook-topic': 'order.created', 'x-wc-webhook-signature': base64Hmac(secret, b) })).toBe(200)
      }
      const oldKey = Buffer.from(SECRETS.STANDARD_WEBHOOKS_SECRET[0]?.slice('whsec_'.length) ?? '', 'base64')
      for (const [i, key] of [oldKey, STANDARD_KEY].entries()) {
        const b = JSON.stringify({ type: 'order.created', data: { order_number: `SW-${i}` } })
        expect(await send('/api/v2/webhooks/orders', b, standard(key, `msg_${i}`, b))).toBe(200)
      }
      for (const [i, token] of SECRETS.WEBHOOK_URL_TOKEN.entries()) {
        expect(await send(`/api/v2/webhooks/orders/${token}`, body(`U-${i}`), {})).toBe(200)
        // As pasted into a sender's settings with a slash at the end.
        expect(await send(`/api/v2/webhooks/orders/${token}/`, body(`U-${i}-slash`), {})).toBe(200)
      }
    })

    it('refuses wrong secrets, tokens and API tokens without echoing them', async () => {
      expect(await send('/api/v2/webhooks/orders', body('X-1'), { 'x-webhook-signature': hexHmac('wrong', body('X-1')) })).toBe(401)
      expect(await send('/api/v2/webhooks/orders', body('X-2'), {})).toBe(401)
      expect(await send(`/api/v2/webhooks/orders/${SECRETS.WEBHOOK_URL_TOKEN[1] ?? ''}x?token=${SECRETS.WEBHOOK_URL_TOKEN[0] ?? ''}`, body('X-3'), {})).toBe(401)
      expect(await send('/api/v2/webhooks/orders', body('X-4'), { 'x-shopify-topic': 'orders/create', 'x-shopify-hmac-sha256': base64Hmac('nope', body('X-4')) })).toBe(401)
      expect(await send('/api/v2/webhooks/orders', body('X-5'), { authorization: `Bearer ${SECRETS.ROMS_API_TOKEN[1] ?? ''}`, cookie: `roms_session=${SECRETS.ROMS_API_TOKEN[0] ?? ''}` })).toBe(401)
      expect(await send('/api/v2/orders', '', { authorization: 'Bearer not-the-token' }, 'GET')).toBe(401)
      // Paths no route matches are logged too: the token in them must not be.
      expect(await send(`/api/v2/webhooks/orders/${SECRETS.WEBHOOK_URL_TOKEN[1] ?? ''}/more`, body('X-6'), {})).toBe(404)
      expect(await send(`/API/V2/WEBHOOKS/ORDERS/${SECRETS.WEBHOOK_URL_TOKEN[0] ?? ''}`, body('X-7'), {})).toBe(404)
      expect(await send('/api/v2/webhooks/orders?api_key=' + (SECRETS.ROMS_API_TOKEN[1] ?? ''), 'not json', { 'x-webhook-signature': hexHmac(SECRETS.WEBHOOK_SECRET[1] ?? '', 'not json') })).toBe(400)
    })

    it('serves the API and dashboard with the token, showing no secret', async () => {
      const bearer = { authorization: `Bearer ${SECRETS.ROMS_API_TOKEN[0] ?? ''}` }
      for (const url of ['/api/v2/orders', '/api/v2/webhooks/logs?limit=1000', '/api/v2/webhooks/logs/1', '/api/v2/webhooks/signature-help', '/metrics', '/', '/health', '/openapi.json']) {
        expect(await send(url, '', bearer, 'GET')).toBeLessThan(500)
      }
      expect(await send('/api/v2/webhooks/logs/1/replay', '{}', bearer)).toBeLessThan(500)
    })

    it('stores no credential a sender puts in headers or query parameters of its own', async () => {
      const credentials = ['xauth-9f8e7d6c5b', 'qsig-1a2b3c4d5e', 'qhash-6f7e8d9c0b', 'xcred-0a9b8c7d6e']
      const b = body('OWN-1')
      const status = await send(`/api/v2/webhooks/orders?sig=${credentials[1] ?? ''}&hash=${credentials[2] ?? ''}`, b, {
        'x-webhook-signature': hexHmac(SECRETS.WEBHOOK_SECRET[1] ?? '', b),
        'x-auth': credentials[0] ?? '',
        'x-client-credential': credentials[3] ?? ''
      })
      expect(status).toBe(200)
      const row = JSON.stringify(await db.store.db.kysely.selectFrom('webhook_logs').selectAll().where('order_number', '=', 'OWN-1').execute())
      expect(row).toContain('OWN-1')
      for (const credential of credentials) expect(row).not.toContain(credential)
    })

    it('stores no key a sender puts in a *-Key header of its own, and keeps its Idempotency-Key', async () => {
      const keys = { 'x-webhook-key': 'wkey-3e4f5a6b7c', 'x-access-key': 'akey-8d9e0f1a2b', 'x-private-key': 'pkey-3c4d5e6f7a', key: 'bkey-4b5c6d7e8f' }
      const b = body('OWN-KEY')
      const status = await send('/api/v2/webhooks/orders', b, {
        'x-webhook-signature': hexHmac(SECRETS.WEBHOOK_SECRET[1] ?? '', b),
        'idempotency-key': 'idem-own-key-1',
        ...keys
      })
      expect(status).toBe(200)
      const log = await db.store.db.kysely.selectFrom('webhook_logs').select('headers').where('order_number', '=', 'OWN-KEY').executeTakeFirstOrThrow()
      const headers = JSON.parse(log.headers) as Record<string, string>
      for (const name of Object.keys(keys)) expect(headers[name], name).toBe('[redacted]')
      expect(headers['idempotency-key']).toBe('idem-own-key-1')
    })

    it('stores no credential put in the URL of a correction by hand', async () => {
      const bearer = { authorization: `Bearer ${SECRETS.ROMS_API_TOKEN[1] ?? ''}` }
      expect(await send('/api/v2/webhooks/orders?sig=x', body('FIX-1'), { 'x-webhook-signature': hexHmac(SECRETS.WEBHOOK_SECRET[1] ?? '', body('FIX-1')) })).toBe(200)
      const id = (await db.store.db.kysely.selectFrom('orders').select('id').where('order_number', '=', 'FIX-1').executeTakeFirstOrThrow()).id
      const res = await app.inject({
        method: 'PATCH',
        url: `/api/v2/orders/${id}?token=${SECRETS.ROMS_API_TOKEN[0] ?? ''}&api_key=pkey-5e6f7a8b9c`,
        payload: { status: 'shipped' },
        headers: bearer
      })
      expect(res.statusCode, res.body).toBe(200)
      const row = await db.store.db.kysely.selectFrom('webhook_logs').select('path').where('source', '=', 'manual').orderBy('id', 'desc').executeTakeFirstOrThrow()
      expect(row.path).toBe(`/api/v2/orders/${id}?token=%5Bredacted%5D&api_key=%5Bredacted%5D`)
    })

    it('leaves no secret in any log line, stored row or answer', async () => {
      expect(lines.length).toBeGreaterThan(20)
      const rows: string[] = []
      for (const table of TABLES) rows.push(JSON.stringify(await db.store.db.kysely.selectFrom(table).selectAll().execute()))
      expect(rows.join('')).toContain('buyer@example.com')
      const answerText = answers.filter((_a, i) => i % 2 === 1).join('\n')
      for (const secret of SEARCHED) {
        expect(lines.filter((line) => line.includes(secret)), `log lines carry ${secret}`).toEqual([])
        expect(rows.filter((row) => row.includes(secret)), `rows carry ${secret}`).toEqual([])
        expect(answerText.includes(secret), `answers carry ${secret}`).toBe(false)
      }
    })
  })
}

describe('the startup warning', () => {
  const config = (env: Record<string, string>): ReturnType<typeof testConfig> => testConfig(env)
  it('warns when listening beyond loopback without WEBHOOK_SECRET or ROMS_API_TOKEN', () => {
    expect(exposureWarnings(config({ HOST: '0.0.0.0' }))).toHaveLength(2)
    expect(exposureWarnings(config({ HOST: '0.0.0.0', WEBHOOK_SECRET: 's' }))).toEqual([expect.stringContaining('ROMS_API_TOKEN')])
    expect(exposureWarnings(config({ HOST: '0.0.0.0', ROMS_API_TOKEN: 't' }))).toEqual([expect.stringContaining('WEBHOOK_SECRET')])
    expect(exposureWarnings(config({ HOST: '0.0.0.0', WEBHOOK_SECRET: 's', ROMS_API_TOKEN: 't' }))).toEqual([])
  })
  it('does not warn on loopback', () => {
    for (const host of ['127.0.0.1', '::1', 'localhost']) expect(exposureWarnings(config({ HOST: host }))).toEqual([])
  })
})
