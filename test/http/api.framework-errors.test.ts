import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postJson } from '../helpers/post-order.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'

for (const kind of testDatabases()) {
  describe(`what Fastify refuses, answered in ROMS's codes (${kind})`, () => {
    let t: TestApp
    let id: number
    beforeAll(async () => {
      t = await buildTestApp(kind, { ROMS_BODY_LIMIT: '2048' })
      id = ((await postJson(t.app, { order_number: 'E-1' })).json() as { order_id: number }).order_id
    })
    afterAll(async () => { await t.close() })

    const json = { 'content-type': 'application/json' }

    it.each([
      ['a PATCH with invalid JSON', 'PATCH', '/orders/:id', '{bad', json, 400, 'INVALID_JSON'],
      ['a PATCH with an empty JSON body', 'PATCH', '/orders/:id', '', json, 400, 'EMPTY_BODY'],
      ['a PATCH over the body limit', 'PATCH', '/orders/:id', JSON.stringify({ status: 'x'.repeat(5000) }), json, 413, 'BODY_TOO_LARGE'],
      ['a sign-in with invalid JSON', 'POST', '/session', '{bad', json, 400, 'INVALID_JSON'],
      ['a replay with invalid JSON', 'POST', '/webhooks/logs/1/replay', '{bad', json, 400, 'INVALID_JSON'],
      ['a customer erasure with invalid JSON', 'DELETE', '/customers/a@example.com', '{bad', json, 400, 'INVALID_JSON'],
      ['a URL with a broken % escape', 'GET', '/orders/by-number/%ZZ', undefined, {}, 400, 'INVALID_URL']
    ])('answers %s with a ROMS code', async (_name, method, path, payload, headers, status, code) => {
      const url = `/api/v2${path.replace(':id', String(id))}`
      const res = await t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) })
      expect(res.statusCode, res.body).toBe(status)
      expect(res.json()).toMatchObject({ success: false, error: { code } })
      expect(res.body).not.toContain('FST_')
    })

    it.each([
      ['/api/v2/orders/9999999999999999999999', 'INVALID_REQUEST'],
      ['/api/v2/webhooks/logs/9999999999999999999999', 'INVALID_REQUEST'],
      ['/api/v2/emails/9007199254740992', 'INVALID_REQUEST'],
      ['/api/v2/webhooks/logs?before=9999999999999999999999', 'INVALID_QUERY']
    ])('refuses the id in %s, beyond any row id, with 400 naming it instead of reading it as 1e+22', async (url, code) => {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json()).toMatchObject({ success: false, error: { code } })
      expect(res.body).not.toContain('e+')
    })

    it('still answers 404 for an id in range that no order has', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v2/orders/9007199254740991' })
      expect(res.statusCode).toBe(404)
      expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: 'no order with id 9007199254740991' } })
    })
  })
}
