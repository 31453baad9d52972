import { setTimeout as delay } from 'node:timers/promises'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withSearchPath } from '../../src/store/dialects/postgres.ts'
import { type ServerProcess, startServer, stopAll } from '../helpers/server-process.ts'
import { proxyDatabase, type TcpProxy } from '../helpers/tcp-proxy.ts'
import { openTestStore, type TestStore, testDatabases } from '../helpers/test-database.ts'

/** A delivery must be answered within this, database or not: senders time out and a queue must not pile up. */
const ANSWER_WITHIN_MS = 7000
const RECOVER_WITHIN_MS = 20_000

interface Sent {
  orderNumber: string
  status: number
  retryAfter: string | null
  ms: number
}

async function deliver (server: ServerProcess, orderNumber: string): Promise<Sent> {
  const started = Date.now()
  const res = await fetch(`${server.url}/api/v2/webhooks/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ order_number: orderNumber, product: 'Dunk Low', price: '110.00' }),
    signal: AbortSignal.timeout(ANSWER_WITHIN_MS * 2)
  })
  await res.arrayBuffer()
  return { orderNumber, status: res.status, retryAfter: res.headers.get('retry-after'), ms: Date.now() - started }
}

async function health (server: ServerProcess): Promise<{ status: number, database: unknown }> {
  const res = await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) })
  const body = await res.json() as { database?: unknown }
  return { status: res.status, database: body.database }
}

/** Polls /health (the server's own view) until it says the database is back, within a bound. */
async function waitForHealthy (server: ServerProcess): Promise<void> {
  const deadline = Date.now() + RECOVER_WITHIN_MS
  while (Date.now() < deadline) {
    if ((await health(server)).status === 200) return
    await delay(100)
  }
  throw new Error(`the server did not recover within ${RECOVER_WITHIN_MS} ms:\n${server.output().slice(-3000)}`)
}

async function deliverUntilAccepted (server: ServerProcess, orderNumber: string): Promise<Sent> {
  const deadline = Date.now() + RECOVER_WITHIN_MS
  for (;;) {
    const answer = await deliver(server, orderNumber)
    if (answer.status !== 503 || Date.now() > deadline) return answer
    await delay(100)
  }
}

describe.runIf(testDatabases().includes('postgres'))('a server whose PostgreSQL goes away and comes back', () => {
  let test: TestStore
  let proxy: TcpProxy
  let server: ServerProcess | undefined
  const sent: Sent[] = []
  beforeAll(async () => {
    test = await openTestStore('postgres')
    let url: string
    ;({ proxy, url } = await proxyDatabase(process.env.TEST_DATABASE_URL ?? '', test.schema ?? ''))
    server = await startServer({ DATABASE_URL: url })
  })
  afterAll(async () => {
    await stopAll([server])
    await proxy?.close()
    await test?.cleanup()
  })

  it('stores deliveries while the database is there', async () => {
    if (server === undefined) throw new Error('no server')
    sent.push(await deliver(server, 'OUTAGE-BEFORE-1'), await deliver(server, 'OUTAGE-BEFORE-2'))
    expect(sent.map((s) => s.status)).toEqual([200, 200])
  })

  it('answers 503 with Retry-After within seconds, and /health says the database is down', async () => {
    if (server === undefined) throw new Error('no server')
    proxy.cut()
    const during = await Promise.all([1, 2, 3, 4, 5].map(async (n) => await deliver(server as ServerProcess, `OUTAGE-DURING-${n}`)))
    sent.push(...during)
    for (const answer of during) {
      expect(answer.status, answer.orderNumber).toBe(503)
      expect(Number(answer.retryAfter)).toBeGreaterThan(0)
      expect(answer.ms).toBeLessThan(ANSWER_WITHIN_MS)
    }
    expect(await health(server)).toEqual({ status: 503, database: 'down' })
    // Reading gets the same clear answer as writing, not an internal error.
    for (const path of ['/api/v2/orders', '/api/v2/orders/1', '/api/v2/orders/stats', '/api/v2/webhooks/logs']) {
      const res = await fetch(`${server.url}${path}`)
      expect(res.status, path).toBe(503)
      expect(res.headers.get('retry-after'), path).not.toBeNull()
      expect(((await res.json()) as { error: { code: string } }).error.code, path).toBe('DATABASE_UNAVAILABLE')
    }
  })

  it('recovers by itself when the database returns, and every delivery answered 2xx is stored', async () => {
    if (server === undefined) throw new Error('no server')
    proxy.restore()
    await waitForHealthy(server)
    // Right after an outage the writer answers 503 for up to a second (so a dead database costs senders no waiting);
    // a sender honouring Retry-After sees the same.
    sent.push(await deliverUntilAccepted(server, 'OUTAGE-AFTER-0'))
    const after = await Promise.all([1, 2, 3].map(async (n) => await deliver(server as ServerProcess, `OUTAGE-AFTER-${n}`)))
    sent.push(...after)
    expect(after.map((s) => s.status)).toEqual([200, 200, 200])
    const acknowledged = sent.filter((s) => s.status >= 200 && s.status < 300).map((s) => s.orderNumber)
    const stored = await test.store.db.kysely.selectFrom('orders').select('order_number').execute()
    expect(stored.map((r) => r.order_number).sort()).toEqual(expect.arrayContaining(acknowledged.sort()))
    expect(acknowledged).toHaveLength(6)
    expect(server.child.exitCode).toBeNull()
  })

  it('answers 503 within seconds when connecting hangs (the pool gives up after its connect timeout)', async () => {
    if (server === undefined) throw new Error('no server')
    proxy.stall()
    const during = await Promise.all([1, 2, 3].map(async (n) => await deliver(server as ServerProcess, `OUTAGE-STALLED-${n}`)))
    sent.push(...during)
    for (const answer of during) {
      expect(answer.status, answer.orderNumber).toBe(503)
      expect(Number(answer.retryAfter)).toBeGreaterThan(0)
      expect(answer.ms).toBeLessThan(ANSWER_WITHIN_MS)
    }
    expect(await health(server)).toEqual({ status: 503, database: 'down' })
  })

  it('recovers again after the stall, and every delivery answered 2xx is still stored', async () => {
    if (server === undefined) throw new Error('no server')
    proxy.restore()
    await waitForHealthy(server)
    sent.push(await deliverUntilAccepted(server, 'OUTAGE-AFTER-STALL'))
    const acknowledged = sent.filter((s) => s.status >= 200 && s.status < 300).map((s) => s.orderNumber)
    expect(acknowledged).toHaveLength(7)
    const stored = await test.store.db.kysely.selectFrom('orders').select('order_number').execute()
    expect(stored.map((r) => r.order_number)).toEqual(expect.arrayContaining(acknowledged))
  })
})

describe.runIf(testDatabases().includes('postgres'))('a server whose PostgreSQL connections are terminated under load (a restart, pg_terminate_backend)', () => {
  let test: TestStore
  let server: ServerProcess | undefined
  // The server's own connections, found by name: other servers of the test run share this PostgreSQL.
  const applicationName = `roms_terminated_${process.pid}_${Date.now()}`
  beforeAll(async () => {
    test = await openTestStore('postgres')
    const url = new URL(withSearchPath(process.env.TEST_DATABASE_URL ?? '', test.schema ?? ''))
    url.searchParams.set('application_name', applicationName)
    server = await startServer({ DATABASE_URL: url.toString() })
  })
  afterAll(async () => {
    await stopAll([server])
    await test?.cleanup()
  })

  it('keeps running, answers each delivery 2xx or 503, and stores every 2xx', async () => {
    if (server === undefined) throw new Error('no server')
    const live = server
    const sent: Sent[] = []
    let next = 0
    const sending = { until: true }
    const senders = Array.from({ length: 12 }, async () => {
      while (sending.until && live.child.exitCode === null) {
        const orderNumber = `TERMINATED-${next++}`
        // A server that died drops the connection: that is recorded as status 0, and fails the test below.
        sent.push(await deliver(live, orderNumber).catch(() => ({ orderNumber, status: 0, retryAfter: null, ms: 0 })))
      }
    })
    // PostgreSQL's restart sends every backend "terminating connection due to administrator command" (57P01), also
    // to connections the server holds between two statements of a transaction.
    for (let round = 0; round < 10; round++) {
      await delay(150)
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${applicationName} and pid <> pg_backend_pid()`.execute(test.store.db.kysely)
    }
    await delay(300)
    sending.until = false
    await Promise.all(senders)
    expect(live.child.exitCode, live.output().slice(-3000)).toBeNull()
    expect(live.child.signalCode).toBeNull()
    expect(sent.filter((s) => s.status !== 200 && s.status !== 503)).toEqual([])
    sent.push(await deliverUntilAccepted(live, 'TERMINATED-AFTER'))
    expect(sent.at(-1)?.status).toBe(200)
    const acknowledged = sent.filter((s) => s.status === 200).map((s) => s.orderNumber)
    const stored = await test.store.db.kysely.selectFrom('orders').select('order_number').execute()
    expect(stored.map((r) => r.order_number)).toEqual(expect.arrayContaining(acknowledged))
  })
})

describe.runIf(testDatabases().includes('postgres'))('a server whose tables another session holds locked (maintenance, a frozen instance)', () => {
  let test: TestStore
  let server: ServerProcess | undefined
  let admin: pg.Client | undefined
  beforeAll(async () => {
    test = await openTestStore('postgres')
    server = await startServer({ DATABASE_URL: withSearchPath(process.env.TEST_DATABASE_URL ?? '', test.schema ?? '') })
    admin = new pg.Client({ connectionString: withSearchPath(process.env.TEST_DATABASE_URL ?? '', test.schema ?? '') })
    await admin.connect()
  })
  afterAll(async () => {
    await admin?.end()
    await stopAll([server])
    await test?.cleanup()
  })

  it('answers 503 with Retry-After within seconds instead of waiting for the lock, and stores deliveries once it is released', async () => {
    if (server === undefined || admin === undefined) throw new Error('no server')
    const live = server
    expect((await deliver(live, 'LOCKED-BEFORE')).status).toBe(200)
    // What ALTER TABLE, VACUUM FULL or CREATE INDEX without CONCURRENTLY take for as long as they run.
    await admin.query('begin')
    await admin.query('lock table orders in access exclusive mode')
    const during = await Promise.all([1, 2, 3].map(async (n) => await deliver(live, `LOCKED-DURING-${n}`)))
    await admin.query('commit')
    for (const answer of during) {
      expect(answer.status, answer.orderNumber).toBe(503)
      expect(Number(answer.retryAfter)).toBeGreaterThan(0)
      expect(answer.ms).toBeLessThan(ANSWER_WITHIN_MS)
    }
    const after = await deliverUntilAccepted(live, 'LOCKED-AFTER')
    expect(after.status).toBe(200)
    const stored = await test.store.db.kysely.selectFrom('orders').select('order_number').execute()
    expect(stored.map((r) => r.order_number).sort()).toEqual(['LOCKED-AFTER', 'LOCKED-BEFORE'])
  }, 60_000)
})
