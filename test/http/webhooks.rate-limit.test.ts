import { afterEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { hexHmac } from '../helpers/post-order.ts'

const SECRET = 'rate-limit-secret'

for (const kind of testDatabases()) {
  describe(`rate limits on the webhook endpoints (${kind})`, () => {
    let t: TestApp | undefined
    let now = Date.parse('2026-12-01T12:00:00Z')
    afterEach(async () => { await t?.close() })

    const start = async (env: Record<string, string>): Promise<TestApp> => {
      now = Date.parse('2026-12-01T12:00:00Z')
      t = await buildTestApp(kind, env, { clock: () => new Date(now) })
      return t
    }
    const post = async (app: TestApp, from: string, n: string, headers: Record<string, string> = {}): Promise<{ status: number, retryAfter?: string, body: any }> => {
      const res = await app.app.inject({
        method: 'POST', url: '/api/v2/webhooks/orders', remoteAddress: from, payload: `{"order_number":"${n}"}`, headers: { 'content-type': 'application/json', ...headers }
      })
      return { status: res.statusCode, retryAfter: res.headers['retry-after'] as string | undefined, body: res.json() }
    }
    const logCount = async (app: TestApp): Promise<number> => (await app.store.db.kysely.selectFrom('webhook_logs').select('id').execute()).length

    it('answers 429 with Retry-After past ROMS_RATE_LIMIT a minute, per client, and never within it', async () => {
      const app = await start({ ROMS_RATE_LIMIT: '5' })
      for (let i = 0; i < 5; i++) expect((await post(app, '203.0.113.1', `RL-${i}`)).status).toBe(200)
      const limited = await post(app, '203.0.113.1', 'RL-5')
      expect(limited.status).toBe(429)
      expect(limited.retryAfter).toBe('12')
      expect(limited.body).toMatchObject({ success: false, error: { code: 'RATE_LIMITED' } })
      expect((await post(app, '203.0.113.2', 'RL-OTHER')).status).toBe(200)
      // The refused request is counted, not recorded: 6 deliveries recorded, not 7.
      expect(await logCount(app)).toBe(6)
      now += 12_000
      expect((await post(app, '203.0.113.1', 'RL-6')).status).toBe(200)
      const metrics = await app.app.inject({ url: '/metrics' })
      expect(metrics.body).toContain('roms_rate_limited_total{limit="deliveries"} 1')
    })

    it('counts clients behind a local tunnel by the address the tunnel forwards', async () => {
      const app = await start({ ROMS_RATE_LIMIT: '2' })
      const via = (client: string): Record<string, string> => ({ 'x-forwarded-for': `198.51.100.9, ${client}` })
      expect((await post(app, '127.0.0.1', 'T-1', via('192.0.2.1'))).status).toBe(200)
      expect((await post(app, '127.0.0.1', 'T-2', via('192.0.2.1'))).status).toBe(200)
      expect((await post(app, '127.0.0.1', 'T-3', via('192.0.2.1'))).status).toBe(429)
      expect((await post(app, '127.0.0.1', 'T-4', via('192.0.2.2'))).status).toBe(200)
      // From a remote peer the header is the client's own claim and is ignored.
      expect((await post(app, '203.0.113.7', 'T-5', via('192.0.2.3'))).status).toBe(200)
      expect((await post(app, '203.0.113.7', 'T-6', via('192.0.2.4'))).status).toBe(200)
      expect((await post(app, '203.0.113.7', 'T-7', via('192.0.2.5'))).status).toBe(429)
    })

    it('refuses a client\'s further failing attempts after 20 failed signatures a minute, but not its signed deliveries', async () => {
      const app = await start({ WEBHOOK_SECRET: SECRET })
      for (let i = 0; i < 20; i++) {
        expect((await post(app, '203.0.113.50', `BAD-${i}`, { 'x-webhook-signature': 'bad' })).status).toBe(401)
      }
      const before = await logCount(app)
      const refused = await post(app, '203.0.113.50', 'BAD-20', { 'x-webhook-signature': 'bad' })
      expect(refused.status).toBe(429)
      expect(refused.retryAfter).toBe('3')
      expect(await logCount(app)).toBe(before)
      const body = '{"order_number":"GOOD-1"}'
      const signed = await app.app.inject({
        method: 'POST', url: '/api/v2/webhooks/orders', remoteAddress: '203.0.113.50', payload: body, headers: { 'content-type': 'application/json', 'x-webhook-signature': hexHmac(SECRET, body) }
      })
      expect(signed.statusCode).toBe(200)
      expect((await post(app, '203.0.113.51', 'BAD-OTHER', { 'x-webhook-signature': 'bad' })).status).toBe(401)
      now += 3_000
      expect((await post(app, '203.0.113.50', 'BAD-21', { 'x-webhook-signature': 'bad' })).status).toBe(401)
      expect((await app.app.inject({ url: '/metrics' })).body).toContain('roms_rate_limited_total{limit="auth_failures"} 1')
    })

    it('limits wrong URL tokens the same way', async () => {
      const app = await start({ WEBHOOK_URL_TOKEN: 'the-right-token-0123456789' })
      const wrong = async (): Promise<number> => (await app.app.inject({
        method: 'POST', url: '/api/v2/webhooks/orders/guess', remoteAddress: '203.0.113.60', payload: '{"order_number":"TOK"}', headers: { 'content-type': 'application/json' }
      })).statusCode
      for (let i = 0; i < 20; i++) expect(await wrong()).toBe(401)
      expect(await wrong()).toBe(429)
      const right = await app.app.inject({
        method: 'POST', url: '/api/v2/webhooks/orders/the-right-token-0123456789', remoteAddress: '203.0.113.60', payload: '{"order_number":"TOK-OK"}', headers: { 'content-type': 'application/json' }
      })
      expect(right.statusCode).toBe(200)
    })
  })
}
