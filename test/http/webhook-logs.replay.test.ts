import { afterEach, describe, expect, it } from 'vitest'
import { hexHmac, postDelivery, postJson } from '../helpers/post-order.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'

interface Replay { success: boolean, delivery_id: number, replay_of: number, outcome: string, status_code: number, order_number: string | null, action: string | null }

for (const kind of testDatabases()) {
  describe(`delivery detail and replay (${kind})`, () => {
    let t: TestApp
    afterEach(async () => { await t.close() })

    it('shows one delivery with its raw body and redacted headers', async () => {
      t = await buildTestApp(kind, { WEBHOOK_SECRET: 's3cret' })
      const body = JSON.stringify({ order_number: 'R-1', product: 'Dunk' })
      const sent = await postDelivery(t.app, body, { 'x-webhook-signature': hexHmac('s3cret', body), 'x-bot': 'cyber' })
      const logs = (await t.app.inject({ method: 'GET', url: '/api/v2/webhooks/logs' })).json() as { logs: Array<{ id: number }> }
      const res = await t.app.inject({ method: 'GET', url: `/api/v2/webhooks/logs/${logs.logs[0]?.id ?? 0}` })
      expect(sent.statusCode).toBe(200)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({
        success: true,
        log: { outcome: 'created', raw_body: body, raw_body_encoding: 'utf8', headers: { 'x-webhook-signature': '[redacted]', 'x-bot': 'cyber' }, replays: [] }
      })
      expect(res.body).not.toContain(hexHmac('s3cret', body))
      expect((await t.app.inject({ method: 'GET', url: '/api/v2/webhooks/logs/999' })).statusCode).toBe(404)
    })

    it('refuses with 409 to replay a delivery that was over the body limit, since only its first part was kept', async () => {
      t = await buildTestApp(kind, { ROMS_BODY_LIMIT: '2048' })
      const big = await postJson(t.app, { order_number: 'BIG-1', note: 'x'.repeat(5000) })
      expect(big.statusCode).toBe(413)
      const logId = (await t.app.inject({ method: 'GET', url: '/api/v2/webhooks/logs' })).json().logs[0].id as number
      const res = await t.app.inject({ method: 'POST', url: `/api/v2/webhooks/logs/${logId}/replay` })
      expect(res.statusCode).toBe(409)
      expect(res.json()).toMatchObject({ success: false, error: { code: 'NOT_REPLAYABLE' } })
    })

    it('refuses with 409 to replay a delivery whose body was erased on a customer\'s request, and records nothing', async () => {
      t = await buildTestApp(kind)
      expect((await postJson(t.app, { order_number: 'ER-R', email: 'gone@example.com', product: 'Dunk' })).statusCode).toBe(200)
      const logId = (await t.app.inject({ method: 'GET', url: '/api/v2/webhooks/logs' })).json().logs[0].id as number
      expect((await t.app.inject({ method: 'DELETE', url: '/api/v2/customers/gone%40example.com' })).statusCode).toBe(200)
      const res = await t.app.inject({ method: 'POST', url: `/api/v2/webhooks/logs/${logId}/replay` })
      expect(res.statusCode, res.body).toBe(409)
      expect(res.json()).toMatchObject({ success: false, error: { code: 'NOT_REPLAYABLE', message: `delivery ${logId} was erased on a customer's request: there is nothing left to replay` } })
      expect((await t.app.inject({ method: 'GET', url: '/api/v2/webhooks/logs' })).json().logs[0].id).toBe(logId)
    })

    it('replays a good delivery as unchanged and records it as a replay', async () => {
      t = await buildTestApp(kind, { WEBHOOK_SECRET: 's3cret' })
      const body = JSON.stringify({ order_number: 'R-2', product: 'Dunk', total: 100 })
      const first = await postDelivery(t.app, body, { 'x-webhook-signature': hexHmac('s3cret', body), 'idempotency-key': 'k-1' })
      const logId = (await t.app.inject({ method: 'GET', url: '/api/v2/webhooks/logs' })).json().logs[0].id as number
      const res = await t.app.inject({ method: 'POST', url: `/api/v2/webhooks/logs/${logId}/replay` })
      expect(first.statusCode).toBe(200)
      expect(res.statusCode, res.body).toBe(200)
      const replay = res.json() as Replay
      expect(replay).toMatchObject({ success: true, replay_of: logId, outcome: 'unchanged', action: 'unchanged', order_number: 'R-2' })
      const detail = (await t.app.inject({ method: 'GET', url: `/api/v2/webhooks/logs/${logId}` })).json()
      expect(detail.log.replays).toEqual([expect.objectContaining({ id: replay.delivery_id, outcome: 'unchanged' })])
      const again = (await t.app.inject({ method: 'GET', url: `/api/v2/webhooks/logs/${replay.delivery_id}` })).json()
      expect(again.log).toMatchObject({ replay_of: logId, outcome: 'unchanged' })
    })

    it('replays a delivery rejected for its signature once the sender is trusted, creating the order', async () => {
      t = await buildTestApp(kind, { WEBHOOK_SECRET: 's3cret' })
      const rejected = await postJson(t.app, { order_number: 'R-3', product: 'Slide' }, { 'x-webhook-signature': 'wrong' })
      expect(rejected.statusCode).toBe(401)
      const logId = (await t.app.inject({ method: 'GET', url: '/api/v2/webhooks/logs?outcome=unauthorized' })).json().logs[0].id as number
      const replay = (await t.app.inject({ method: 'POST', url: `/api/v2/webhooks/logs/${logId}/replay` })).json() as Replay
      expect(replay).toMatchObject({ success: true, outcome: 'created', order_number: 'R-3' })
      const order = await t.app.inject({ method: 'GET', url: '/api/v2/orders/by-number/R-3' })
      expect(order.json()).toMatchObject({ order: { product: 'Slide' } })
    })

    it('replays a rejected delivery to the same rejection, recorded as a new delivery', async () => {
      t = await buildTestApp(kind)
      await postJson(t.app, { product: 'no number' })
      const logId = (await t.app.inject({ method: 'GET', url: '/api/v2/webhooks/logs' })).json().logs[0].id as number
      const replay = (await t.app.inject({ method: 'POST', url: `/api/v2/webhooks/logs/${logId}/replay` })).json() as Replay
      expect(replay).toMatchObject({ success: false, outcome: 'rejected', status_code: 400, replay_of: logId })
      expect(replay.delivery_id).toBeGreaterThan(logId)
    })

    it('answers a replayed rejection with the order number its new record names', async () => {
      t = await buildTestApp(kind)
      expect((await postJson(t.app, { order_number: 'BAD-1', total: 'lots' })).statusCode).toBe(400)
      const logId = (await t.app.inject({ method: 'GET', url: '/api/v2/webhooks/logs' })).json().logs[0].id as number
      const replay = (await t.app.inject({ method: 'POST', url: `/api/v2/webhooks/logs/${logId}/replay` })).json() as Replay
      expect(replay).toMatchObject({ success: false, outcome: 'rejected', order_number: 'BAD-1' })
      const record = (await t.app.inject({ method: 'GET', url: `/api/v2/webhooks/logs/${replay.delivery_id}` })).json()
      expect(record.log.order_number).toBe('BAD-1')
    })

    it('replays a hand correction through the same correction path', async () => {
      t = await buildTestApp(kind)
      const created = (await postJson(t.app, { order_number: 'R-5', status: 'pending' })).json() as { order_id: number }
      const patch = (await t.app.inject({ method: 'PATCH', url: `/api/v2/orders/${created.order_id}`, payload: { status: 'shipped' } })).json() as { delivery_id: number }
      await postJson(t.app, { order_number: 'R-5', status: 'delivered' })
      const replay = (await t.app.inject({ method: 'POST', url: `/api/v2/webhooks/logs/${patch.delivery_id}/replay` })).json() as Replay
      expect(replay).toMatchObject({ success: true, outcome: 'updated', order_number: 'R-5' })
      const order = (await t.app.inject({ method: 'GET', url: `/api/v2/orders/${created.order_id}` })).json()
      expect(order.order.status).toBe('shipped')
      expect(order.deliveries[0]).toMatchObject({ source: 'manual', replay_of: patch.delivery_id })
    })
  })
}
