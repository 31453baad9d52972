import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ServerProcess, startServer, stopAll } from '../helpers/server-process.ts'
import { openSse, type SseReader } from '../helpers/sse-reader.ts'
import { proxyDatabase, type TcpProxy } from '../helpers/tcp-proxy.ts'
import { openTestStore, type TestStore, testDatabases } from '../helpers/test-database.ts'

const WITHIN_MS = 20_000

async function post (server: ServerProcess, orderNumber: string): Promise<number> {
  const res = await fetch(`${server.url}/api/v2/webhooks/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ order_number: orderNumber, product: 'Dunk Low', price: '110.00' }),
    signal: AbortSignal.timeout(15_000)
  })
  await res.arrayBuffer()
  return res.status
}

/** The order numbers of the order events the stream shows, until every one expected came, or the time is up. */
async function orderNumbersSeen (stream: SseReader, expected: readonly string[]): Promise<string[]> {
  const seen: string[] = []
  const deadline = Date.now() + WITHIN_MS
  while (expected.some((n) => !seen.includes(n)) && Date.now() < deadline) {
    let timer: NodeJS.Timeout | undefined
    const event = await Promise.race([
      stream.next((e) => e.event.startsWith('order.')),
      new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), deadline - Date.now()) })
    ]).finally(() => clearTimeout(timer))
    if (event === undefined) break
    seen.push((JSON.parse(event.data) as { order: { order_number: string } }).order.order_number)
  }
  return seen
}

// One instance loses its connections to PostgreSQL (a restart, a failover, a network cut) while the other goes on
// storing orders: its dashboard's live stream must show them once the database is back, without a reload.
describe.runIf(testDatabases().includes('postgres'))('the live stream of an instance whose PostgreSQL goes away and comes back', () => {
  let test: TestStore
  let proxy: TcpProxy
  let direct: ServerProcess | undefined
  let cut: ServerProcess | undefined
  let stream: SseReader | undefined
  beforeAll(async () => {
    test = await openTestStore('postgres')
    let url: string
    ;({ proxy, url } = await proxyDatabase(process.env.TEST_DATABASE_URL ?? '', test.schema ?? ''))
    ;[direct, cut] = await Promise.all([
      startServer({ DATABASE_URL: test.databaseUrl }),
      startServer({ DATABASE_URL: url })
    ])
    stream = await openSse(`${cut.url}/api/v2/stream`)
    await stream.next((e) => e.event === 'ready')
  })
  afterAll(async () => {
    stream?.close()
    await stopAll([direct, cut])
    await proxy?.close()
    await test?.cleanup()
  })

  it('shows the orders the other instance stored before, during and after the outage, on the stream it already had open', async () => {
    if (direct === undefined || stream === undefined) throw new Error('not started')
    expect(await post(direct, 'OUT-1')).toBe(200)
    expect(await orderNumbersSeen(stream, ['OUT-1'])).toEqual(['OUT-1'])
    proxy.cut()
    expect(await post(direct, 'OUT-2')).toBe(200)
    expect(await post(direct, 'OUT-3')).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    proxy.restore()
    expect(await post(direct, 'OUT-4')).toBe(200)
    const seen = await orderNumbersSeen(stream, ['OUT-2', 'OUT-3', 'OUT-4'])
    expect(seen.sort()).toEqual(['OUT-2', 'OUT-3', 'OUT-4'])
  })

  it('serves a stream opened again after the outage from where the browser stopped (Last-Event-ID)', async () => {
    if (direct === undefined || cut === undefined) throw new Error('not started')
    const again = await openSse(`${cut.url}/api/v2/stream`, { 'last-event-id': '1' })
    try {
      const seen = await orderNumbersSeen(again, ['OUT-2', 'OUT-3', 'OUT-4'])
      expect(seen).toEqual(expect.arrayContaining(['OUT-2', 'OUT-3', 'OUT-4']))
    } finally {
      again.close()
    }
  })
})
