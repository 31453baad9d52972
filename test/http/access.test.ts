import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postJson } from '../helpers/post-order.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'

const PROTECTED = ['/api/v2/orders', '/api/v2/orders/stats', '/api/v2/orders/export.csv', '/api/v2/orders/1', '/api/v2/webhooks/logs', '/api/v2/webhooks/logs/1']
const OPEN = ['/health', '/api/v2/webhooks/test', '/api/v2/webhooks/signature-help', '/openapi.json', '/docs/json', '/api/v2/session']

for (const kind of testDatabases()) {
  describe(`access without a token: this machine only (${kind})`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await buildTestApp(kind)
      await postJson(t.app, { order_number: 'AC-1' })
    })
    afterAll(async () => { await t.close() })

    it('serves the read endpoints to a loopback peer, as the guide\'s curl on localhost expects', async () => {
      for (const url of PROTECTED) {
        const res = await t.app.inject({ method: 'GET', url })
        expect(res.statusCode, url).not.toBe(401)
      }
      for (const remoteAddress of ['::1', '::ffff:127.0.0.1', '127.0.0.2']) {
        expect((await t.app.inject({ method: 'GET', url: '/api/v2/orders', remoteAddress })).statusCode, remoteAddress).toBe(200)
      }
    })

    it('refuses another machine with 401 and says how to set ROMS_API_TOKEN', async () => {
      for (const url of PROTECTED) {
        const res = await t.app.inject({ method: 'GET', url, remoteAddress: '192.168.1.20' })
        expect(res.statusCode, url).toBe(401)
        expect(res.json()).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED', message: expect.stringContaining('ROMS_API_TOKEN') } })
      }
    })

    it('refuses a loopback request that came through a proxy or tunnel', async () => {
      for (const header of [{ 'x-forwarded-for': '203.0.113.9' }, { forwarded: 'for=203.0.113.9' }, { 'x-real-ip': '203.0.113.9' }]) {
        const res = await t.app.inject({ method: 'GET', url: '/api/v2/orders', headers: header })
        expect(res.statusCode, JSON.stringify(header)).toBe(401)
        expect(res.json().error.message).toMatch(/proxy or tunnel/)
      }
    })

    it('refuses a loopback request for another host name (DNS rebinding)', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v2/orders', headers: { host: 'evil.example:8001' } })
      expect(res.statusCode).toBe(401)
    })

    it('refuses a change sent by another site through the browser', async () => {
      const res = await t.app.inject({ method: 'PATCH', url: '/api/v2/orders/1', payload: { status: 'shipped' }, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } })
      expect(res.statusCode).toBe(403)
      expect(res.json()).toMatchObject({ error: { code: 'CROSS_SITE_REQUEST' } })
    })

    it('keeps webhooks, health, test, signature help, docs and the session open to everyone', async () => {
      for (const url of OPEN) {
        const res = await t.app.inject({ method: 'GET', url, remoteAddress: '203.0.113.7', headers: { 'x-forwarded-for': '203.0.113.7' } })
        expect(res.statusCode, url).toBe(200)
      }
      const delivery = await t.app.inject({ method: 'POST', url: '/api/v2/webhooks/orders', payload: { order_number: 'AC-2' }, remoteAddress: '203.0.113.7' })
      expect(delivery.statusCode).toBe(200)
    })

    it('answers API paths with JSON, even to a browser', async () => {
      const page = await t.app.inject({ method: 'GET', url: '/api/v2/orders', remoteAddress: '192.168.1.20', headers: { accept: 'text/html' } })
      expect(page.statusCode).toBe(401)
      expect(page.headers['content-type']).toMatch(/^application\/json/)
    })
  })

  describe(`access with ROMS_API_TOKEN (${kind})`, () => {
    let t: TestApp
    beforeAll(async () => { t = await buildTestApp(kind, { ROMS_API_TOKEN: 'old-token,tok-3f9a' }) })
    afterAll(async () => { await t.close() })

    it('requires the token, even from this machine', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v2/orders' })
      expect(res.statusCode).toBe(401)
      expect(res.headers['www-authenticate']).toBe('Bearer realm="ROMS"')
    })

    it('serves a request with any configured token, from anywhere', async () => {
      for (const token of ['tok-3f9a', 'old-token']) {
        const res = await t.app.inject({ method: 'GET', url: '/api/v2/orders', remoteAddress: '203.0.113.7', headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '1.2.3.4' } })
        expect(res.statusCode, token).toBe(200)
      }
    })

    it('refuses a wrong token', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v2/webhooks/logs', headers: { authorization: 'Bearer tok-3f9b' } })
      expect(res.statusCode).toBe(401)
      expect(res.json().error.message).toMatch(/not valid/)
    })

    it('signs a browser in with an HttpOnly, SameSite=Strict cookie that never holds the token', async () => {
      const wrong = await t.app.inject({ method: 'POST', url: '/api/v2/session', payload: { token: 'nope' } })
      expect(wrong.statusCode).toBe(401)
      const res = await t.app.inject({ method: 'POST', url: '/api/v2/session', payload: { token: 'tok-3f9a' } })
      expect(res.statusCode).toBe(200)
      const cookie = String(res.headers['set-cookie'])
      expect(cookie).toMatch(/^roms_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict/)
      expect(cookie).not.toContain('tok-3f9a')
      const session = cookie.split(';')[0] ?? ''
      expect((await t.app.inject({ method: 'GET', url: '/api/v2/orders', headers: { cookie: session } })).statusCode).toBe(200)
      expect((await t.app.inject({ method: 'GET', url: '/api/v2/session', headers: { cookie: session } })).json()).toMatchObject({ token_required: true, signed_in: true })
      const forged = await t.app.inject({ method: 'GET', url: '/api/v2/orders', headers: { cookie: 'roms_session=tok-3f9a' } })
      expect(forged.statusCode).toBe(401)
    })

    // The guide's ngrok, cloudflared, nginx or Caddy end TLS and pass plain HTTP on with X-Forwarded-Proto (or Forwarded).
    it('marks the cookie Secure when the browser is on HTTPS through a tunnel or proxy that says so, and only then', async () => {
      const signIn = async (headers: Record<string, string>): Promise<string> =>
        String((await t.app.inject({ method: 'POST', url: '/api/v2/session', payload: { token: 'tok-3f9a' }, headers })).headers['set-cookie'])
      expect(await signIn({ 'x-forwarded-proto': 'https' })).toMatch(/; Secure$/)
      expect(await signIn({ 'x-forwarded-proto': 'HTTPS' })).toMatch(/; Secure$/)
      expect(await signIn({ 'x-forwarded-proto': 'https, http' })).toMatch(/; Secure$/)
      expect(await signIn({ 'x-forwarded-proto': 'http, https' })).not.toContain('Secure')
      expect(await signIn({ forwarded: 'for=203.0.113.9;proto=https;host=roms.example' })).toMatch(/; Secure$/)
      expect(await signIn({})).not.toContain('Secure')
      expect(await signIn({ 'x-forwarded-proto': 'http' })).not.toContain('Secure')
      const signOut = await t.app.inject({ method: 'DELETE', url: '/api/v2/session', headers: { 'x-forwarded-proto': 'https', authorization: 'Bearer tok-3f9a' } })
      expect(String(signOut.headers['set-cookie'])).toMatch(/Max-Age=0; Secure$/)
    })

    it('lets the dashboard change data behind a proxy that passes its own Host on, when the browser says same-origin', async () => {
      const id = (await postJson(t.app, { order_number: 'AC-PROXY' })).json().order_id as number
      const session = String((await t.app.inject({ method: 'POST', url: '/api/v2/session', payload: { token: 'tok-3f9a' } })).headers['set-cookie']).split(';')[0] ?? ''
      const patch = async (headers: Record<string, string>): Promise<number> => (await t.app.inject({
        method: 'PATCH', url: `/api/v2/orders/${id}`, payload: { status: 'shipped' }, headers: { cookie: session, host: '127.0.0.1:8001', ...headers }
      })).statusCode
      expect(await patch({ origin: 'https://roms.example.com', 'sec-fetch-site': 'same-origin' })).toBe(200)
      expect(await patch({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).toBe(403)
      expect(await patch({ origin: 'https://evil.example', 'sec-fetch-site': 'same-site' })).toBe(403)
      expect(await patch({ origin: 'https://evil.example' })).toBe(403)
    })

    it('signs in from the plain form and returns to the page asked for, never to another site', async () => {
      const form = await t.app.inject({ method: 'POST', url: '/api/v2/session', payload: 'token=tok-3f9a&return_to=%2Fdeliveries', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      expect(form.statusCode).toBe(303)
      expect(form.headers.location).toBe('/deliveries')
      const away = await t.app.inject({ method: 'POST', url: '/api/v2/session', payload: 'token=tok-3f9a&return_to=%2F%2Fevil.example', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      expect(away.headers.location).toBe('/')
    })
  })
}

describe('guessing the API token', () => {
  it('is refused with 429 after 20 wrong tokens a minute, by bearer or sign-in form, while the right token still works', async () => {
    const t = await buildTestApp('sqlite', { ROMS_API_TOKEN: 'the-real-token-0123456789' })
    try {
      const wrong = { authorization: 'Bearer not-the-token' }
      for (let i = 0; i < 20; i++) expect((await t.app.inject({ url: '/api/v2/orders', headers: wrong })).statusCode).toBe(401)
      const limited = await t.app.inject({ url: '/api/v2/orders', headers: wrong })
      expect(limited.statusCode).toBe(429)
      expect(limited.headers['retry-after']).toBeDefined()
      expect(limited.json()).toMatchObject({ success: false, error: { code: 'RATE_LIMITED' } })
      const signIn = await t.app.inject({ method: 'POST', url: '/api/v2/session', payload: { token: 'another-guess' } })
      expect(signIn.statusCode).toBe(429)
      const right = await t.app.inject({ url: '/api/v2/orders', headers: { authorization: 'Bearer the-real-token-0123456789' } })
      expect(right.statusCode).toBe(200)
    } finally {
      await t.close()
    }
  })

  it('does not count requests that carry no token at all', async () => {
    const t = await buildTestApp('sqlite', { ROMS_API_TOKEN: 'the-real-token-0123456789' })
    try {
      for (let i = 0; i < 30; i++) expect((await t.app.inject({ url: '/api/v2/orders' })).statusCode).toBe(401)
    } finally {
      await t.close()
    }
  })
})
