import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { postJson } from '../helpers/post-order.ts'

// Every example of ../shared/seed/WEBHOOK_SETUP_GUIDE.md, as a user following it would send it.
const GUIDE_TEST_ORDER = { order_number: '12345', product: 'Nike Shoes', price: 99.99, quantity: 1, email: 'customer@example.com', status: 'pending' }
const COMPLETE_ORDER = {
  order_number: 'ORD-001',
  product: 'Nike Air Max',
  price: 120.00,
  total: 120.00,
  commission: 15.00,
  quantity: 1,
  email: 'customer@example.com',
  customer_name: 'John Doe',
  profile: 'Profile1',
  proxy_list: 'Proxy1',
  reference_number: 'REF123',
  status: 'verified',
  tracking_number: '1Z999AA10123456784',
  order_date: '2024-10-27T10:30:00Z'
}

for (const kind of testDatabases()) {
  describe(`the setup guide's promises (${kind})`, () => {
    let t: TestApp
    beforeEach(async () => { t = await buildTestApp(kind) })
    afterEach(async () => { await t.close() })

    it('answers the test endpoint with exactly the guide body', async () => {
      const res = await t.app.inject('/api/v2/webhooks/test')
      expect(res.statusCode).toBe(200)
      const body = res.json()
      expect(Object.keys(body).sort()).toEqual(['message', 'signature_required', 'status', 'timestamp'])
      expect(body).toMatchObject({ status: 'ok', message: 'Webhook endpoint is operational', signature_required: false })
      expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp)
    })

    it('answers the webhook URL opened in a browser (GET) with 405 saying to POST', async () => {
      const res = await t.app.inject('/api/v2/webhooks/orders')
      expect(res.statusCode).toBe(405)
      expect(res.headers.allow).toBe('POST')
      expect(res.json()).toMatchObject({ success: false, error: { code: 'METHOD_NOT_ALLOWED' } })
      expect(res.json().error.message).toContain('/api/v2/webhooks/test')
    })

    it('says signatures are required once WEBHOOK_SECRET is set', async () => {
      const signed = await buildTestApp(kind, { WEBHOOK_SECRET: 's3cret' })
      try {
        expect((await signed.app.inject('/api/v2/webhooks/test')).json().signature_required).toBe(true)
      } finally {
        await signed.close()
      }
    })

    it('answers /health', async () => {
      const res = await t.app.inject('/health')
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ status: 'ok', database: 'ok' })
    })

    it('stores the guide test order as order 1 and answers the guide success body', async () => {
      const res = await postJson(t.app, GUIDE_TEST_ORDER)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual({
        success: true,
        message: 'Order received and processed successfully',
        order_id: 1,
        order_number: '12345',
        action: 'created'
      })
    })

    it('accepts the minimal, standard and complete payloads', async () => {
      expect((await postJson(t.app, { order_number: 'ORD-001' })).json().action).toBe('created')
      const standard = { order_number: 'ORD-002', product: 'Nike Air Max', price: 120.00, quantity: 1, email: 'customer@example.com', status: 'pending' }
      expect((await postJson(t.app, standard)).json().action).toBe('created')
      expect((await postJson(t.app, { ...COMPLETE_ORDER, order_number: 'ORD-003' })).json().action).toBe('created')
      const order = await t.store.db.kysely.selectFrom('orders').selectAll().where('order_number', '=', 'ORD-003').executeTakeFirstOrThrow()
      expect(order).toMatchObject({
        product: 'Nike Air Max',
        quantity: 1,
        email: 'customer@example.com',
        customer_name: 'John Doe',
        profile: 'Profile1',
        proxy_list: 'Proxy1',
        reference_number: 'REF123',
        status: 'verified',
        tracking_number: '1Z999AA10123456784',
        order_date: '2024-10-27T10:30:00.000Z'
      })
      expect(Number(order.price)).toBe(120)
      expect(Number(order.commission)).toBe(15)
    })

    it('updates only the fields an update carries and writes one event describing the change', async () => {
      await postJson(t.app, COMPLETE_ORDER)
      const before = await t.store.db.kysely.selectFrom('orders').selectAll().executeTakeFirstOrThrow()
      const res = await postJson(t.app, { order_number: 'ORD-001', status: 'shipped', tracking_number: '1Z999AA10123456784' })
      expect(res.json()).toMatchObject({ success: true, order_id: 1, order_number: 'ORD-001', action: 'updated' })
      const after = await t.store.db.kysely.selectFrom('orders').selectAll().executeTakeFirstOrThrow()
      expect(after).toEqual({ ...before, status: 'shipped', updated_at: after.updated_at })
      const events = await t.store.db.kysely.selectFrom('order_events').selectAll().where('event_type', '=', 'updated').execute()
      expect(events).toHaveLength(1)
      expect(events[0]).toMatchObject({ order_id: 1, source: 'generic' })
      expect(JSON.parse(events[0]?.changes ?? '')).toEqual([{ field: 'status', old: 'verified', new: 'shipped' }])
      const delivery = await t.store.db.kysely.selectFrom('webhook_logs').select(['id', 'outcome']).where('id', '=', events[0]?.delivery_id ?? -1).executeTakeFirstOrThrow()
      expect(delivery.outcome).toBe('updated')
    })

    it('lists deliveries newest first, 50 by default and more with ?limit=100', async () => {
      for (let i = 0; i < 60; i++) await postJson(t.app, { order_number: `L-${i}`, product: `Item ${i}` })
      await t.app.inject({ method: 'POST', url: '/api/v2/webhooks/orders', payload: '{broken', headers: { 'content-type': 'application/json' } })
      const res = await t.app.inject('/api/v2/webhooks/logs')
      expect(res.statusCode).toBe(200)
      const { logs } = res.json() as { logs: Array<Record<string, unknown>> }
      expect(logs).toHaveLength(50)
      expect(logs[0]).toMatchObject({ source: 'generic', status_code: 400, outcome: 'rejected', error_code: 'INVALID_JSON', body_preview: '{broken' })
      expect(logs[1]).toMatchObject({ status_code: 200, outcome: 'created', order_number: 'L-59', error: null })
      expect(logs[1]?.body_preview).toContain('Item 59')
      for (const key of ['id', 'created_at', 'source', 'status_code', 'outcome', 'error', 'body_preview']) expect(logs[1]).toHaveProperty(key)
      const ids = logs.map((l) => l.id as number)
      expect(ids).toEqual([...ids].sort((a, b) => b - a))
      expect((await t.app.inject('/api/v2/webhooks/logs?limit=100')).json().logs).toHaveLength(61)
    })

    it('serves interactive docs generated from the route schemas', async () => {
      const docs = await t.app.inject('/docs/')
      expect(docs.statusCode).toBe(200)
      expect(docs.body).toContain('swagger')
      const spec = (await t.app.inject('/openapi.json')).json()
      expect(spec.openapi).toMatch(/^3\./)
      expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining([
        '/api/v2/webhooks/orders', '/api/v2/webhooks/test', '/api/v2/webhooks/logs', '/api/v2/webhooks/signature-help', '/health'
      ]))
    })

    it('explains signing with the guide examples and never shows the secret', async () => {
      const signed = await buildTestApp(kind, { WEBHOOK_SECRET: 'very-secret-value-42' })
      try {
        const res = await signed.app.inject('/api/v2/webhooks/signature-help')
        expect(res.statusCode).toBe(200)
        const body = res.json()
        expect(body.secret_configured).toBe(true)
        expect(body.examples.python).toContain('hashlib.sha256')
        expect(body.examples.node).toContain("createHmac('sha256', secret)")
        expect(body.examples.curl).toContain('openssl dgst -sha256 -hmac')
        expect(res.body).not.toContain('very-secret-value-42')
      } finally {
        await signed.close()
      }
    })
  })
}

describe('the guide\'s sqlite3 queries', () => {
  it('work on the database file', async () => {
    const t = await buildTestApp('sqlite')
    try {
      await postJson(t.app, GUIDE_TEST_ORDER)
      await postJson(t.app, { order_number: 'X' })
      const file = new Database(t.databaseUrl, { readonly: true })
      try {
        const orders = file.prepare('SELECT * FROM orders ORDER BY created_at DESC LIMIT 10').all() as Array<Record<string, unknown>>
        expect(orders.map((o) => o.order_number)).toEqual(['X', '12345'])
        expect(orders[1]?.price).toBe(99.99)
        const logs = file.prepare('SELECT * FROM webhook_logs ORDER BY created_at DESC LIMIT 10').all()
        expect(logs).toHaveLength(2)
      } finally {
        file.close()
      }
    } finally {
      await t.close()
    }
  })
})

describe('order ids on SQLite, as the guide\'s sqlite3 queries show them', () => {
  let t: TestApp
  beforeEach(async () => { t = await buildTestApp('sqlite') })
  afterEach(async () => { await t.close() })

  it('numbers orders 1, 2, 3 whatever updates come between them', async () => {
    const ids: number[] = []
    for (const n of ['A-1', 'A-2', 'A-3']) {
      ids.push((await postJson(t.app, { order_number: n, product: 'Dunk Low' })).json().order_id)
      await postJson(t.app, { order_number: n, status: 'shipped' })
      await postJson(t.app, { order_number: n, status: 'shipped' })
    }
    expect(ids).toEqual([1, 2, 3])
    const rows = await t.store.db.kysely.selectFrom('orders').select(['id', 'order_number', 'status']).orderBy('id').execute()
    expect(rows).toEqual([
      { id: 1, order_number: 'A-1', status: 'shipped' },
      { id: 2, order_number: 'A-2', status: 'shipped' },
      { id: 3, order_number: 'A-3', status: 'shipped' }
    ])
  })
})
