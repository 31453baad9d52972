import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ServerProcess, startServer, stopAll } from '../helpers/server-process.ts'
import { openSse, type SseReader } from '../helpers/sse-reader.ts'
import { openTestStore, type TestStore, testDatabases } from '../helpers/test-database.ts'

const ROUNDS = 5
const STREAM_WITHIN_MS = 10_000

interface Answer {
  status: number
  action: string
}

async function post (server: ServerProcess, payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${server.url}/api/v2/webhooks/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(15_000)
  })
  const body = await res.json() as { action?: string }
  return { status: res.status, action: body.action ?? '' }
}

/** Reads order events from the stream until every delivery id was seen; returns how often each id came. */
async function collectOrderEvents (stream: SseReader, expected: ReadonlySet<number>): Promise<Map<number, number>> {
  const seen = new Map<number, number>()
  const deadline = Date.now() + STREAM_WITHIN_MS
  while ([...expected].some((id) => !seen.has(id))) {
    const left = deadline - Date.now()
    if (left <= 0) throw new Error(`the stream did not show deliveries ${[...expected].filter((id) => !seen.has(id)).join(', ')}`)
    let timer: NodeJS.Timeout | undefined
    const event = await Promise.race([
      stream.next((e) => e.event.startsWith('order.')),
      new Promise<never>((_resolve, reject) => { timer = setTimeout(() => reject(new Error('no more stream events')), left) })
    ]).finally(() => clearTimeout(timer))
    const { delivery_id: id } = JSON.parse(event.data) as { delivery_id: number }
    seen.set(id, (seen.get(id) ?? 0) + 1)
  }
  return seen
}

describe.runIf(testDatabases().includes('postgres'))('two server processes on one PostgreSQL schema', () => {
  let test: TestStore
  let servers: ServerProcess[] = []
  const streams: SseReader[] = []
  const server = (i: number): ServerProcess => {
    const found = servers[i % 2]
    if (found === undefined) throw new Error('the servers did not start')
    return found
  }
  const orderRows = async (prefix: string) => await test.store.db.kysely.selectFrom('orders').selectAll()
    .where('order_number', 'like', `${prefix}%`).orderBy('order_number').execute()
  const eventsOf = async (orderId: number) => await test.store.db.kysely.selectFrom('order_events').selectAll()
    .where('order_id', '=', orderId).orderBy('id').execute()

  beforeAll(async () => {
    test = await openTestStore('postgres')
    const started = await Promise.allSettled([0, 1].map(async () => await startServer({ DATABASE_URL: test.databaseUrl })))
    servers = started.flatMap((s) => s.status === 'fulfilled' ? [s.value] : [])
    for (const s of started) if (s.status === 'rejected') throw s.reason
    for (const s of servers) {
      const stream = await openSse(`${s.url}/api/v2/stream`)
      streams.push(stream)
      await stream.next((e) => e.event === 'ready')
    }
  })
  afterAll(async () => {
    for (const stream of streams) stream.close()
    await stopAll(servers)
    await test?.cleanup()
  })

  it('makes one order of the same new order number arriving on both at once, with one event', async () => {
    const answers = await Promise.all(Array.from({ length: ROUNDS * 4 }, async (_, i) =>
      await post(server(i), { order_number: `RACE-NEW-${i % ROUNDS}`, product: 'Dunk Low', size: '10', status: 'confirmed' })))
    expect(answers.every((a) => a.status === 200)).toBe(true)
    expect(answers.filter((a) => a.action === 'created')).toHaveLength(ROUNDS)
    expect(answers.filter((a) => a.action !== 'created').every((a) => a.action === 'unchanged')).toBe(true)
    const orders = await orderRows('RACE-NEW-')
    expect(orders).toHaveLength(ROUNDS)
    for (const order of orders) expect((await eventsOf(order.id)).map((e) => e.event_type)).toEqual(['created'])
  })

  it('keeps both changes when two deliveries change different fields of one order at once, one event each', async () => {
    for (let n = 0; n < ROUNDS; n++) expect((await post(server(n), { order_number: `RACE-FIELDS-${n}`, product: 'Jordan 1' })).status).toBe(200)
    const answers = await Promise.all(Array.from({ length: ROUNDS }, async (_, n) => await Promise.all([
      post(server(0), { order_number: `RACE-FIELDS-${n}`, profile: `profile-${n}` }),
      post(server(1), { order_number: `RACE-FIELDS-${n}`, proxy_list: `proxies-${n}` })
    ])))
    expect(answers.flat().map((a) => `${a.status} ${a.action}`)).toEqual(Array(ROUNDS * 2).fill('200 updated'))
    const orders = await orderRows('RACE-FIELDS-')
    for (const [n, order] of orders.entries()) {
      expect(order).toMatchObject({ product: 'Jordan 1', profile: `profile-${n}`, proxy_list: `proxies-${n}` })
      const events = await eventsOf(order.id)
      expect(events.map((e) => e.event_type)).toEqual(['created', 'updated', 'updated'])
      const changed = events.slice(1).map((e) => (JSON.parse(e.changes) as Array<{ field: string }>).map((c) => c.field))
      expect(changed.sort()).toEqual([['profile'], ['proxy_list']])
    }
    for (const s of servers) {
      const res = await fetch(`${s.url}/api/v2/orders/by-number/RACE-FIELDS-0`)
      expect(await res.json()).toMatchObject({ order: { profile: 'profile-0', proxy_list: 'proxies-0' } })
    }
  })

  it('applies a delivery id sent to both instances once and answers the other "duplicate"', async () => {
    const answers = await Promise.all(Array.from({ length: ROUNDS }, async (_, n) => {
      const payload = { order_number: `RACE-DUP-${n}`, product: 'Yeezy 350' }
      const headers = { 'idempotency-key': `race-dup-${n}` }
      return await Promise.all([post(server(0), payload, headers), post(server(1), payload, headers)])
    }))
    for (const pair of answers) {
      expect(pair.map((a) => a.status)).toEqual([200, 200])
      expect(pair.map((a) => a.action).sort()).toEqual(['created', 'duplicate'])
    }
    for (const order of await orderRows('RACE-DUP-')) expect(await eventsOf(order.id)).toHaveLength(1)
    const keys = await test.store.db.kysely.selectFrom('processed_deliveries').select('delivery_key').execute()
    expect(keys.filter((k) => k.delivery_key.includes('race-dup-'))).toHaveLength(ROUNDS)
  })

  it('shows every order change on both streams, whichever instance received it, once each', async () => {
    const logs = await test.store.db.kysely.selectFrom('webhook_logs').select(['id'])
      .where('outcome', 'in', ['created', 'updated']).execute()
    const expected = new Set(logs.map((l) => l.id))
    expect(expected.size).toBe(ROUNDS * 2 + ROUNDS * 2 + ROUNDS)
    for (const stream of streams) {
      const seen = await collectOrderEvents(stream, expected)
      expect([...seen.keys()].sort((x, y) => x - y)).toEqual([...expected].sort((x, y) => x - y))
      expect([...seen.values()].every((count) => count === 1)).toBe(true)
    }
  })
})
