import { request } from 'node:http'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ServerProcess, startServer } from '../helpers/server-process.ts'
import { openTestStore, type TestStore } from '../helpers/test-database.ts'

// A search for a term of one or two letters cannot use the trigram index and reads every order: about a second for
// 300,000 here. better-sqlite3 runs a query on the thread that asks; the server reads on a thread of its own, so
// deliveries and /health are answered while it runs.
const ORDERS = 300_000

/** Sends a GET and resolves once its bytes have left, with the arrival of its answer to come. */
async function sendGet (url: string): Promise<{ answered: Promise<number> }> {
  return await new Promise((resolve, reject) => {
    const req = request(url)
    const answered = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => res.resume().on('end', () => resolve(res.statusCode ?? 0)))
      req.on('error', reject)
    })
    req.on('error', reject)
    req.end(() => resolve({ answered }))
  })
}

describe('a long read on SQLite (sqlite)', () => {
  let t: TestStore
  let server: ServerProcess
  beforeAll(async () => {
    t = await openTestStore('sqlite')
    const at = '2026-01-01T00:00:00.000Z'
    await t.store.writer.write(async (db) => {
      await sql.raw(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${ORDERS})
        insert into orders (order_number, product, email, customer_name, status, source, extra, created_at, updated_at)
        select 'BULK-' || i, 'Product ' || (i % 500), 'buyer' || i || '@example.com', 'Buyer ' || i, 'verified', 'generic', '{}',
          '${at}', '${at}' from n`).execute(db.kysely)
    })
    server = await startServer({ DATABASE_URL: t.databaseUrl })
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    await t.cleanup()
  })

  it('answers deliveries and /health while a search reads every order', async () => {
    // Both threads start with their first job (under tsx, compiling their modules takes seconds on a busy machine).
    const warm = await fetch(`${server.url}/api/v2/webhooks/orders`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ order_number: 'BEFORE-1', product: 'Dunk Low' })
    })
    expect(warm.status).toBe(200)
    expect((await fetch(`${server.url}/api/v2/orders?limit=1`)).status).toBe(200)
    const finished: string[] = []
    const search = await sendGet(`${server.url}/api/v2/orders?q=%C3%A9`)
    const searched = search.answered.then((status) => { finished.push('search'); return status })
    const delivery = fetch(`${server.url}/api/v2/webhooks/orders`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ order_number: 'DURING-1', product: 'Dunk Low' })
    }).then(async (res) => { finished.push('delivery'); return { status: res.status, body: await res.json() as { action?: string } } })
    const health = fetch(`${server.url}/health`).then(async (res) => { finished.push('health'); return { status: res.status, body: await res.json() as { database?: string } } })
    const [searchStatus, delivered, healthy] = await Promise.all([searched, delivery, health])
    expect(searchStatus).toBe(200)
    expect(delivered).toMatchObject({ status: 200, body: { action: 'created' } })
    expect(healthy).toMatchObject({ status: 200, body: { database: 'ok' } })
    expect(finished.at(-1)).toBe('search')
  }, 60_000)
})
