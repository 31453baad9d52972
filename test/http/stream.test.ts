import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { openSse, type SseReader } from '../helpers/sse-reader.ts'

for (const kind of testDatabases()) {
  describe(`live stream on a socket (${kind})`, () => {
    let t: TestApp
    let base: string
    const readers: SseReader[] = []

    beforeEach(async () => {
      t = await buildTestApp(kind)
      await t.app.listen({ port: 0, host: '127.0.0.1' })
      base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
    })
    afterEach(async () => {
      for (const reader of readers.splice(0)) reader.close()
      await t.close()
    })

    async function connect (headers: Record<string, string> = {}, query = ''): Promise<SseReader> {
      const reader = await openSse(`${base}/api/v2/stream${query}`, headers)
      readers.push(reader)
      return reader
    }

    async function post (payload: unknown): Promise<void> {
      const res = await fetch(`${base}/api/v2/webhooks/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) })
      expect(res.status).toBe(200)
    }

    it('sends order.created and then the delivery, with the delivery id as event id', async () => {
      const stream = await connect()
      expect(stream.status).toBe(200)
      expect(stream.headers['content-type']).toMatch(/^text\/event-stream/)
      await stream.next((e) => e.event === 'ready')
      await post({ order_number: 'S-1', product: 'Dunk', total: '110' })
      const created = await stream.next()
      expect(created.event).toBe('order.created')
      expect(JSON.parse(created.data)).toMatchObject({ action: 'created', order: { order_number: 'S-1', total: '110.00' } })
      const delivery = await stream.next()
      expect(delivery.event).toBe('delivery')
      expect(JSON.parse(delivery.data)).toMatchObject({ outcome: 'created', source: 'generic', order_number: 'S-1', status_code: 200 })
      expect(delivery.id).toBe(String(JSON.parse(delivery.data).id))
      expect(JSON.parse(created.data).delivery_id).toBe(Number(delivery.id))
    })

    it('streams rejected deliveries and order updates too', async () => {
      const stream = await connect()
      await stream.next((e) => e.event === 'ready')
      await post({ order_number: 'S-2', status: 'pending' })
      await post({ order_number: 'S-2', status: 'shipped' })
      await fetch(`${base}/api/v2/webhooks/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"broken' })
      const updated = await stream.next((e) => e.event === 'order.updated')
      expect(JSON.parse(updated.data)).toMatchObject({ order: { order_number: 'S-2', status: 'shipped' } })
      const rejected = await stream.next((e) => e.event === 'delivery' && JSON.parse(e.data).outcome === 'rejected')
      expect(JSON.parse(rejected.data)).toMatchObject({ status_code: 400, error_code: 'INVALID_JSON' })
    })

    it('announces an order a retailer\'s email changed (no delivery): order.updated with delivery_id null, and order.created for one it made', async () => {
      const stream = await connect()
      await stream.next((e) => e.event === 'ready')
      await post({ order_number: 'A-10023', product: 'Barn Runner', status: 'pending' })
      await stream.next((e) => e.event === 'delivery')
      const email = async (file: string): Promise<Response> => await fetch(`${base}/api/v2/emails`, {
        method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: readFileSync(new URL(`../fixtures/emails/${file}`, import.meta.url))
      })
      expect((await email('generic-shipping.eml')).status).toBe(200)
      const updated = await stream.next()
      expect(updated.event).toBe('order.updated')
      expect(updated.id).toBeUndefined()
      expect(JSON.parse(updated.data)).toMatchObject({ delivery_id: null, action: 'updated', order: { order_number: 'A-10023', status: 'shipped' } })
      const made = await email('generic-confirmation.eml')
      expect(made.status).toBe(200)
      expect(await made.json()).toMatchObject({ action: 'created' })
      const created = await stream.next()
      expect(created.event).toBe('order.created')
      expect(JSON.parse(created.data)).toMatchObject({ delivery_id: null, action: 'created' })
    })

    it('resumes after Last-Event-ID with the deliveries missed meanwhile, then goes live', async () => {
      const first = await connect()
      await first.next((e) => e.event === 'ready')
      await post({ order_number: 'S-3' })
      const seen = await first.next((e) => e.event === 'delivery')
      first.close()
      await post({ order_number: 'S-4' })
      await post({ order_number: 'S-5' })

      const resumed = await connect({ 'last-event-id': seen.id ?? '' })
      const missed = [await resumed.next((e) => e.event === 'delivery'), await resumed.next((e) => e.event === 'delivery')]
      expect(missed.map((e) => JSON.parse(e.data).order_number)).toEqual(['S-4', 'S-5'])
      const ready = await resumed.next((e) => e.event === 'ready')
      expect(JSON.parse(ready.data)).toEqual({ last_event_id: Number(missed[1]?.id) })
      await post({ order_number: 'S-6' })
      expect(JSON.parse((await resumed.next((e) => e.event === 'delivery')).data).order_number).toBe('S-6')
    })

    it('resumes from ?last_event_id= as well', async () => {
      await post({ order_number: 'S-7' })
      const stream = await connect({}, '?last_event_id=0')
      const created = await stream.next((e) => e.event === 'order.created')
      expect(JSON.parse(created.data).order.order_number).toBe('S-7')
    })

    it('takes a Last-Event-ID beyond any id (beyond PostgreSQL bigint) for none, and goes live', async () => {
      const stream = await connect({ 'last-event-id': '99999999999999999999' })
      expect(stream.status).toBe(200)
      const ready = await stream.next((e) => e.event === 'ready')
      expect(Number.isSafeInteger(JSON.parse(ready.data).last_event_id)).toBe(true)
      await post({ order_number: 'S-8' })
      expect(JSON.parse((await stream.next((e) => e.event === 'delivery')).data).order_number).toBe('S-8')
    })

    it('refuses ?last_event_id= beyond 2^53 - 1 as every other id is refused', async () => {
      const res = await fetch(`${base}/api/v2/stream?last_event_id=99999999999999999999`)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_QUERY')
    })

    it('answers a HEAD (an uptime check) at once with the stream\'s headers, holding no stream open', async () => {
      const res = await fetch(`${base}/api/v2/stream`, { method: 'HEAD', signal: AbortSignal.timeout(5000) })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    })

    it('lets app.close() finish while streams are open', async () => {
      const stream = await connect()
      await stream.next((e) => e.event === 'ready')
      const started = Date.now()
      await t.app.close()
      expect(Date.now() - started).toBeLessThan(5000)
      await expect(stream.next((e) => e.event === 'never')).rejects.toThrow(/ended/)
    })
  })
}
