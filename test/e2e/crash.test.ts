import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ServerProcess, startServer, stopAll } from '../helpers/server-process.ts'
import { openTestStore, testDatabases, type TestStore } from '../helpers/test-database.ts'

const ROUNDS = 3
const WORKERS = 8
/** Deliveries a round may send at most: the load is bounded even if the kill came late. */
const MAX_PER_ROUND = 600

interface Acked { orderNumber: string, update: boolean }

/** Posts orders from several keep-alive clients until the server dies or the round's budget is spent. */
async function load (url: string, round: number, onAck: (ack: Acked) => void): Promise<void> {
  let sent = 0
  const worker = async (w: number): Promise<void> => {
    for (let i = 0; sent < MAX_PER_ROUND; i++) {
      sent++
      // Every third post updates an order this worker created earlier.
      const update = i % 3 === 2
      const orderNumber = `CRASH-${round}-${w}-${update ? i - 1 : i}`
      const body = JSON.stringify(update ? { order_number: orderNumber, status: 'shipped' } : { order_number: orderNumber, product: 'Dunk Low', price: 110 })
      try {
        const res = await fetch(`${url}/api/v2/webhooks/orders`, { method: 'POST', body, headers: { 'content-type': 'application/json' } })
        await res.arrayBuffer()
        if (res.status >= 200 && res.status < 300) onAck({ orderNumber, update })
      } catch {
        return
      }
    }
  }
  await Promise.all(Array.from({ length: WORKERS }, async (_, w) => { await worker(w) }))
}

for (const kind of testDatabases()) {
  describe(`kill -9 under load loses nothing acknowledged (${kind})`, () => {
    let db: TestStore
    const servers: ServerProcess[] = []
    beforeAll(async () => { db = await openTestStore(kind) })
    afterAll(async () => {
      await stopAll(servers)
      await db.cleanup()
    })

    it(`keeps every 2xx delivery, its event and its record across ${ROUNDS} kills`, async () => {
      const acked: Acked[] = []
      for (let round = 0; round < ROUNDS; round++) {
        const server = await startServer({ DATABASE_URL: db.databaseUrl })
        servers.push(server)
        // A random point: after somewhere between 20 and 200 acknowledgements of this round.
        const killAfter = 20 + Math.floor(Math.random() * 180)
        let roundAcks = 0
        const exited = new Promise<string | null>((resolve) => server.child.once('exit', (_code, signal) => resolve(signal)))
        await load(server.url, round, (ack) => {
          acked.push(ack)
          if (++roundAcks === killAfter) server.child.kill('SIGKILL')
        })
        if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL')
        expect(await exited).toBe('SIGKILL')
      }
      // A restart recovers the database (SQLite replays its WAL) and serves again.
      const restarted = await startServer({ DATABASE_URL: db.databaseUrl })
      servers.push(restarted)
      expect((await fetch(`${restarted.url}/health`)).status).toBe(200)

      expect(acked.length).toBeGreaterThan(ROUNDS * 20)
      const { kysely } = db.store.db
      const orders = new Map((await kysely.selectFrom('orders').select(['id', 'order_number', 'status']).execute()).map((o) => [o.order_number, o]))
      const events = new Set((await kysely.selectFrom('order_events').select(['order_id', 'event_type']).execute()).map((e) => `${e.order_id}:${e.event_type}`))
      const logs = new Set((await kysely.selectFrom('webhook_logs').select(['order_number', 'status_code']).where('status_code', '=', 200).execute()).map((l) => l.order_number))
      const missing: string[] = []
      for (const ack of acked) {
        const order = orders.get(ack.orderNumber)
        if (order === undefined || !events.has(`${order.id}:created`) || !logs.has(ack.orderNumber)) missing.push(ack.orderNumber)
        else if (ack.update && order.status !== 'shipped') missing.push(`${ack.orderNumber} (update)`)
      }
      expect(missing).toEqual([])
    }, 120_000)
  })
}
