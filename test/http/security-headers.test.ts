import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { postDelivery } from '../helpers/post-order.ts'

describe('security headers', () => {
  let t: TestApp
  beforeAll(async () => { t = await buildTestApp('sqlite', { ROMS_API_TOKEN: 'headers-token-0123456789' }) })
  afterAll(async () => { await t.close() })

  const bearer = { authorization: 'Bearer headers-token-0123456789' }

  it.each([
    ['a delivery', async () => await postDelivery(t.app, '{"order_number":"H-1"}')],
    ['a refused delivery', async () => await postDelivery(t.app, 'nope')],
    ['the orders API', async () => await t.app.inject({ url: '/api/v2/orders', headers: bearer })],
    ['a 401', async () => await t.app.inject({ url: '/api/v2/orders' })],
    ['a 404', async () => await t.app.inject({ url: '/nowhere' })],
    ['the dashboard', async () => await t.app.inject({ url: '/', headers: { ...bearer, accept: 'text/html' } })],
    ['the health check', async () => await t.app.inject({ url: '/health' })]
  ])('are on %s', async (_name, send) => {
    const res = await send()
    const csp = String(res.headers['content-security-policy'])
    // The dashboard's own files set a stricter policy (default-src 'none') than the global one.
    expect(csp).toMatch(/default-src '(?:self|none)'/)
    expect(csp).not.toMatch(/script-src[^;]*unsafe/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('upgrade-insecure-requests')
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
  })

  it('let Swagger UI use its inline styles and data: images, and nothing more', async () => {
    const res = await t.app.inject({ url: '/docs/' })
    expect(res.statusCode).toBe(200)
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("style-src 'self' 'unsafe-inline'")
    expect(csp).toContain('img-src \'self\' data: https://validator.swagger.io')
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
  })

  it('refuse a form or text/plain change to the admin API (CSRF), whatever the credentials', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await t.app.inject({ method: 'PATCH', url: '/api/v2/orders/1', payload: '{"status":"shipped"}', headers: { ...bearer, 'content-type': type } })
      expect(res.statusCode).toBe(415)
      expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
    }
    const json = await t.app.inject({ method: 'PATCH', url: '/api/v2/orders/999999', payload: '{"status":"shipped"}', headers: { ...bearer, 'content-type': 'application/json' } })
    expect(json.statusCode).not.toBe(415)
  })

  it('refuse a cross-site change made with the sign-in cookie', async () => {
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v2/session', payload: { token: 'headers-token-0123456789' } })
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? ''
    const res = await t.app.inject({
      method: 'DELETE', url: '/api/v2/customers/a%40example.com', headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }
    })
    expect(res.statusCode).toBe(403)
    const same = await t.app.inject({ method: 'DELETE', url: '/api/v2/customers/a%40example.com', headers: { cookie, 'sec-fetch-site': 'same-origin' } })
    expect(same.statusCode).toBe(200)
  })
})
