import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hexHmac, postDelivery } from '../helpers/post-order.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { deliveryLogs, orderCount, storedOrder } from './senders.support.ts'

const LIST = '[\n  {"order_number": "B-1", "product": "Dunk Low", "price": 110},\n  {"order_number": "B-2", "qty": 2, "total": "1.299,99 €"}\n]'

for (const kind of testDatabases()) {
  describe(`lists of orders in one request (${kind})`, () => {
    let t: TestApp
    beforeEach(async () => { t = await buildTestApp(kind, { ROMS_BODY_LIMIT: '8192' }) })
    afterEach(async () => { await t.close() })

    it('stores each order of a JSON array as a delivery of its own, its record holding that order as sent', async () => {
      const res = await postDelivery(t.app, LIST)
      expect(res.statusCode).toBe(200)
      const logs = await deliveryLogs(t)
      expect(res.json()).toEqual({
        success: true,
        message: '2 of 2 orders received and processed',
        results: [
          { index: 0, success: true, delivery_id: logs[0]?.id, order_id: expect.any(Number), order_number: 'B-1', action: 'created' },
          { index: 1, success: true, delivery_id: logs[1]?.id, order_id: expect.any(Number), order_number: 'B-2', action: 'created' }
        ]
      })
      expect(logs.map((log) => [log.raw_body, log.order_number, log.outcome])).toEqual([
        ['{"order_number": "B-1", "product": "Dunk Low", "price": 110}', 'B-1', 'created'],
        ['{"order_number": "B-2", "qty": 2, "total": "1.299,99 €"}', 'B-2', 'created']
      ])
      expect(logs.map((log) => log.details)).toEqual([
        { batch: { id: expect.any(String), index: 0, count: 2 } },
        { batch: { id: logs[0]?.details?.batch && (logs[0].details.batch as { id: string }).id, index: 1, count: 2 } }
      ])
      expect((await storedOrder(t, 'B-1'))?.order).toMatchObject({ product: 'Dunk Low', price: 110 })
      expect((await storedOrder(t, 'B-2'))?.order).toMatchObject({ quantity: 2, total: 1299.99, currency: 'EUR' })
    })

    it('reads {"orders": [...]}, keeps the good orders when one is bad, and says each one\'s outcome with 207', async () => {
      const body = '{"orders":[{"order_number":"G-1"},{"order_number":"G-2","quantity":"two"},"G-3",{"order_number":"G-4"}]}'
      const res = await postDelivery(t.app, body)
      expect(res.statusCode).toBe(207)
      const answer = res.json()
      expect(answer.success).toBe(false)
      expect(answer.results.map((r: { success: boolean }) => r.success)).toEqual([true, false, false, true])
      expect(answer.results[1]).toMatchObject({ order_number: 'G-2', error: { code: 'INVALID_FIELD', field: 'quantity' } })
      expect(answer.results[2]).toMatchObject({ error: { code: 'INVALID_PAYLOAD' } })
      expect(await orderCount(t)).toBe(2)
      const logs = await deliveryLogs(t)
      expect(logs.map((log) => [log.raw_body, log.outcome, log.status_code])).toEqual([
        ['{"order_number":"G-1"}', 'created', 200],
        ['{"order_number":"G-2","quantity":"two"}', 'rejected', 400],
        ['"G-3"', 'rejected', 400],
        ['{"order_number":"G-4"}', 'created', 200]
      ])
    })

    it('answers 400 naming each problem when no order of the list could be stored', async () => {
      const res = await postDelivery(t.app, '[{"product":"no number"},{"order_number":"N/A"}]')
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({
        success: false,
        error: { code: 'BATCH_REJECTED' },
        results: [{ index: 0, success: false, error: { code: 'ORDER_NUMBER_MISSING' } }, { index: 1, success: false, error: { code: 'ORDER_NUMBER_MISSING' } }]
      })
    })

    it('refuses an empty list, and a list beyond the limit, as one delivery recorded whole', async () => {
      const empty = await postDelivery(t.app, '{"orders": []}')
      expect(empty.statusCode).toBe(400)
      expect(empty.json()).toMatchObject({ success: false, error: { code: 'EMPTY_BODY' } })
      const many = `[${Array.from({ length: 501 }, () => '{}').join(',')}]`
      const big = await postDelivery(t.app, many)
      expect(big.statusCode).toBe(413)
      expect(big.json().error.code).toBe('BATCH_TOO_LARGE')
      expect((await deliveryLogs(t)).map((log) => [log.raw_body.length, log.outcome])).toEqual([[14, 'rejected'], [many.length, 'rejected']])
    })

    it('takes a retried list with its Idempotency-Key as duplicates, order by order', async () => {
      await postDelivery(t.app, LIST, { 'Idempotency-Key': 'nightly-sync-41' })
      const again = await postDelivery(t.app, LIST, { 'Idempotency-Key': 'nightly-sync-41' })
      expect(again.statusCode).toBe(200)
      expect(again.json().results.map((r: { action: string }) => r.action)).toEqual(['duplicate', 'duplicate'])
    })

    it('replays one order of a list by itself', async () => {
      await postDelivery(t.app, LIST)
      const [first] = await deliveryLogs(t)
      const replay = await t.app.inject({ method: 'POST', url: `/api/v2/webhooks/logs/${first?.id}/replay` })
      expect(replay.json()).toMatchObject({ success: true, order_number: 'B-1', action: 'unchanged' })
      expect(await orderCount(t)).toBe(2)
    })
  })

  describe(`signed lists of orders (${kind})`, () => {
    let t: TestApp
    beforeEach(async () => { t = await buildTestApp(kind, { WEBHOOK_SECRET: 'list-secret' }) })
    afterEach(async () => { await t.close() })

    it('replays a list refused whole as its orders, each a delivery of its own, and says so', async () => {
      const refused = await postDelivery(t.app, LIST, { 'X-Webhook-Signature': 'deadbeef' })
      expect(refused.statusCode).toBe(401)
      const [record] = await deliveryLogs(t)
      const replay = await t.app.inject({ method: 'POST', url: `/api/v2/webhooks/logs/${record?.id}/replay` })
      expect(replay.json()).toMatchObject({
        success: true,
        replay_of: record?.id,
        results: [{ index: 0, success: true, order_number: 'B-1', action: 'created' }, { index: 1, success: true, order_number: 'B-2', action: 'created' }]
      })
      const logs = await deliveryLogs(t)
      expect(logs.slice(1).map((log) => [log.order_number, log.replay_of])).toEqual([['B-1', record?.id], ['B-2', record?.id]])
    })

    it('checks the signature over the whole list, and refuses the whole list when it does not match', async () => {
      expect((await postDelivery(t.app, LIST, { 'X-Webhook-Signature': hexHmac('list-secret', LIST) })).statusCode).toBe(200)
      const wrong = await postDelivery(t.app, LIST.replace('B-', 'C-'), { 'X-Webhook-Signature': hexHmac('list-secret', LIST) })
      expect(wrong.statusCode).toBe(401)
      expect(wrong.json().error.code).toBe('SIGNATURE_INVALID')
      expect(await orderCount(t)).toBe(2)
    })
  })
}
