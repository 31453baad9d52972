import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postJson } from '../helpers/post-order.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'

// Received 2026-11-30 at 07:13:10.035Z, 07:13:41.500Z and 2026-12-01 at 00:00:00.000Z, in that order.
const RECEIVED = ['2026-11-30T07:13:10.035Z', '2026-11-30T07:13:41.500Z', '2026-12-01T00:00:00.000Z']

for (const kind of testDatabases()) {
  describe(`delivery log filters (${kind})`, () => {
    let t: TestApp
    let now = new Date(RECEIVED[0] ?? '')
    beforeAll(async () => {
      t = await buildTestApp(kind, {}, { clock: () => now })
      for (const [i, at] of RECEIVED.entries()) {
        now = new Date(at)
        expect((await postJson(t.app, { order_number: `L-${i}`, store: 'Nike' })).statusCode).toBe(200)
      }
    })
    afterAll(async () => { await t.close() })

    async function numbersOf (query: string): Promise<string[]> {
      const res = await t.app.inject({ method: 'GET', url: `/api/v2/webhooks/logs?${query}` })
      expect(res.statusCode, res.body).toBe(200)
      return (res.json() as { logs: Array<{ order_number: string }> }).logs.map((log) => log.order_number).reverse()
    }

    it('stores the times the tests rely on', async () => {
      const res = (await t.app.inject({ method: 'GET', url: '/api/v2/webhooks/logs' })).json() as { logs: Array<{ created_at: string }> }
      expect(res.logs.map((log) => log.created_at).reverse()).toEqual(RECEIVED)
    })

    it.each([
      ['since=2026-11-30T07:13:10Z', ['L-0', 'L-1', 'L-2']],
      ['since=2026-11-30T08:13:10%2B01:00', ['L-0', 'L-1', 'L-2']],
      ['since=2026-11-30T07:13:10.036Z', ['L-1', 'L-2']],
      ['since=2026-11-30T07:13:10', ['L-0', 'L-1', 'L-2']],
      ['until=2026-11-30T07:13:41Z', ['L-0']],
      ['until=2026-11-30T08:13:41.501%2B01:00', ['L-0', 'L-1']],
      ['since=2026-11-30', ['L-0', 'L-1', 'L-2']],
      ['since=2026-12-01', ['L-2']],
      ['until=2026-11-30', ['L-0', 'L-1']],
      ['since=2026-11-30&until=2026-11-30', ['L-0', 'L-1']],
      ['since=&until=&source=&outcome=&order_number=', ['L-0', 'L-1', 'L-2']],
      ['outcome=created', ['L-0', 'L-1', 'L-2']],
      ['source=Generic', ['L-0', 'L-1', 'L-2']],
      ['outcome=Created', ['L-0', 'L-1', 'L-2']],
      ['outcome=rejected', []]
    ])('reads %s as an instant, whatever its notation', async (query, numbers) => {
      expect(await numbersOf(query)).toEqual(numbers)
    })

    it.each([
      ['since=yesterday', 'since'],
      ['until=2026-02-30', 'until'],
      ['since=2026-11-31T00:00:00Z', 'since'],
      ['outcome=rejectd', 'outcome'],
      ['outcome=created,updated', 'outcome']
    ])('refuses %s with 400 naming the parameter', async (query, field) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v2/webhooks/logs?${query}` })
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ success: false, error: { code: 'INVALID_QUERY', field } })
    })

    it('names the outcomes there are when asked for one that is not', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v2/webhooks/logs?outcome=rejectd' })
      expect(res.json().error.message).toBe('outcome must be one of received, created, updated, unchanged, duplicate, stale, ping, test, ' +
        'declined, rejected, unauthorized, failed; got "rejectd"')
    })
  })
}
