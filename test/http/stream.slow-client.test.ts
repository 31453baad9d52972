import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createStreamHub, type StreamHub } from '../../src/http/stream-hub.ts'
import { type ChangeFeed, createLocalChangeFeed } from '../../src/store/change-feed.ts'
import { postJson } from '../helpers/post-order.ts'
import { openSse, type SseReader } from '../helpers/sse-reader.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'

for (const kind of testDatabases()) {
  describe(`a slow stream client (${kind})`, () => {
    let t: TestApp
    let feed: ChangeFeed
    let hub: StreamHub
    let server: Server
    let stalled: Socket | undefined
    let reader: SseReader | undefined

    beforeEach(async () => {
      t = await buildTestApp(kind)
      feed = createLocalChangeFeed()
      hub = createStreamHub({ db: t.store.db, feed, maxBufferedBytes: 256 * 1024 })
      server = createServer((req, res) => {
        hub.connect(res, undefined)
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    })
    afterEach(async () => {
      stalled?.destroy()
      reader?.close()
      hub.close()
      feed.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await t.close()
    })

    it('is disconnected once it falls behind, while a client that reads gets every event', async () => {
      // A big `extra` makes each order event about 200 KB, so the stalled socket's buffers fill after a few events.
      const res = await postJson(t.app, { order_number: 'BIG-1', notes: 'x'.repeat(200_000) })
      expect(res.statusCode).toBe(200)
      const logId = (await t.app.inject({ method: 'GET', url: '/api/v2/webhooks/logs' })).json().logs[0].id as number

      const { port } = server.address() as AddressInfo
      const socket = connect(port, '127.0.0.1')
      stalled = socket
      socket.write('GET / HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n')
      socket.pause()
      reader = await openSse(`http://127.0.0.1:${port}/`)
      await reader.next((e) => e.event === 'ready')

      let received = 0
      for (let i = 0; i < 500 && hub.clients() > 1; i++) {
        feed.publish(logId)
        await reader.next((e) => e.event === 'delivery')
        received++
      }
      expect(hub.clients()).toBe(1)
      expect(received).toBeLessThan(500)
      feed.publish(logId)
      expect((await reader.next((e) => e.event === 'delivery')).id).toBe(String(logId))
    })
  })
}
