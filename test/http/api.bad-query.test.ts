import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { postDelivery } from '../helpers/post-order.ts'

for (const kind of testDatabases()) {
  describe(`API queries with bad input (${kind})`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await buildTestApp(kind)
      expect((await postDelivery(t.app, '{"order_number":"Q-1","store":"Nike"}')).statusCode).toBe(200)
    })
    afterAll(async () => { await t.close() })

    it.each([
      ['GET', '/api/v2/orders?q=a%00b', 'q'],
      ['GET', '/api/v2/orders?store=Nike%00', 'store'],
      ['GET', '/api/v2/orders?status=a%00', 'status'],
      ['GET', '/api/v2/orders/by-number/Q-1%00', 'orderNumber'],
      ['GET', '/api/v2/orders/export.csv?profile=%00', 'profile'],
      ['GET', '/api/v2/orders/stats?store=%00', 'store'],
      ['GET', '/api/v2/webhooks/logs?order_number=%00', 'order_number'],
      ['GET', '/api/v2/webhooks/logs?source=%00&outcome=created', 'source'],
      ['DELETE', '/api/v2/customers/a%00b@example.com', 'email']
    ])('answers %s %s 400 naming the parameter with a NUL character', async (method, url, field) => {
      const res = await t.app.inject({ method: method as 'GET' | 'DELETE', url })
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json()).toMatchObject({ success: false, error: { code: 'INVALID_QUERY', field } })
    })

    it('still records a delivery whose URL holds %00, as sent', async () => {
      const res = await postDelivery(t.app, '{"order_number":"Q-NUL"}', {}, '/api/v2/webhooks/orders?note=%00')
      expect(res.statusCode).toBe(200)
      const log = await t.store.db.kysely.selectFrom('webhook_logs').select('path').orderBy('id', 'desc').executeTakeFirstOrThrow()
      expect(log.path).toBe('/api/v2/webhooks/orders?note=%00')
    })

    it.each([
      ['/api/v2/orders?limit=0', 'limit', 'query parameter limit must be >= 1', 'INVALID_QUERY'],
      ['/api/v2/orders?limit=many', 'limit', 'query parameter limit must be integer', 'INVALID_QUERY'],
      ['/api/v2/webhooks/logs?limit=many', 'limit', 'query parameter limit must be integer', 'INVALID_QUERY'],
      ['/api/v2/orders?sort=price', 'sort', 'query parameter sort must be one of created_at, order_date, total', 'INVALID_QUERY'],
      ['/api/v2/orders?page=2', 'page', 'unknown query parameter page', 'INVALID_QUERY'],
      ['/api/v2/orders/abc', 'id', 'URL parameter id must be integer', 'INVALID_REQUEST'],
      ['/api/v2/orders?limit=10&limit=20', 'limit', 'query parameter limit is given 2 times: give it once', 'INVALID_QUERY'],
      ['/api/v2/orders?status=shipped&status=delivered', 'status',
        'query parameter status is given 2 times: give it once (several statuses go in one, separated by commas: status=shipped,delivered)', 'INVALID_QUERY'],
      ['/api/v2/orders/stats?from=2026-01-01&from=2026-02-01&from=', 'from', 'query parameter from is given 3 times: give it once', 'INVALID_QUERY'],
      ['/api/v2/orders/export.csv?q=a&q=b', 'q', 'query parameter q is given 2 times: give it once', 'INVALID_QUERY'],
      ['/api/v2/webhooks/logs?outcome=created&outcome=rejected', 'outcome', 'query parameter outcome is given 2 times: give it once', 'INVALID_QUERY'],
      ['/api/v2/orders?limit=1e309', 'limit', 'query parameter limit is beyond any number this API takes', 'INVALID_QUERY'],
      ['/api/v2/webhooks/logs?before=1e309', 'before', 'query parameter before is beyond any number this API takes', 'INVALID_QUERY'],
      ['/api/v2/webhooks/logs?limit=-1e309', 'limit', 'query parameter limit is beyond any number this API takes', 'INVALID_QUERY'],
      ['/api/v2/emails?limit=1e309', 'limit', 'query parameter limit is beyond any number this API takes', 'INVALID_QUERY'],
      ['/api/v2/emails?before=999999999999999999999999999999', 'before', 'query parameter before must be <= 9007199254740991', 'INVALID_QUERY'],
      ['/api/v2/orders/1e309', 'id', 'URL parameter id is beyond any number this API takes', 'INVALID_REQUEST'],
      ['/api/v2/webhooks/logs/1e309', 'id', 'URL parameter id is beyond any number this API takes', 'INVALID_REQUEST']
    ])('answers %s 400 in the words of the request', async (url, field, message, code) => {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.statusCode).toBe(400)
      expect(res.json()).toEqual({ success: false, error: { code, message, field } })
    })
  })
}
