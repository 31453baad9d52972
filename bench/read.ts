import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import autocannon from 'autocannon'
import { foldOrderChanges } from '../src/store/dialects/sqlite-order-fold.ts'
import { openStore } from '../src/store/open-store.ts'
import { seedSqlite } from './seed-read.ts'
import { startServer } from './servers.ts'

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)

interface ReadResult { name: string, rps: number, p50: number, p99: number, non2xx: number }

async function measure (url: string, name: string, path: string | (() => string)): Promise<ReadResult> {
  const result = await autocannon({
    url,
    connections: 8,
    duration: SECONDS,
    requests: [{
      method: 'GET',
      setupRequest: (request: autocannon.Request) => ({ ...request, path: typeof path === 'string' ? path : path() })
    }]
  })
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx + result.errors }
}

/** `npm run bench -- --read`: the read side with ORDERS orders and twice as many delivery records. */
export async function benchRead (entry: string[]): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'roms-read-'))
  const file = join(dir, 'read.db')
  try {
    const store = openStore(file)
    await store.migrate()
    await store.close()
    const started = Date.now()
    seedSqlite(file, ORDERS)
    console.log(`seeded ${ORDERS} orders and ${ORDERS * 2} delivery records in ${((Date.now() - started) / 1000).toFixed(0)} s`)
    // The seed writes the tables directly; fold it all into the search index and daily stats before measuring, as a
    // running server would have while the orders arrived.
    const folding = Date.now()
    const seeded = openStore(file)
    for (let more = true; more;) more = await seeded.writer.write(async (db) => await foldOrderChanges(db, 100_000))
    await seeded.close()
    console.log(`folded them into the search index and daily stats in ${((Date.now() - folding) / 1000).toFixed(0)} s`)
    const server = await startServer(entry, { DATABASE_URL: file, LOG_LEVEL: 'warn' })
    try {
      let cursor = ''
      for (let page = 0; page < 20; page++) {
        const res = await fetch(`${server.url}/api/v2/orders?limit=500${cursor === '' ? '' : `&cursor=${encodeURIComponent(cursor)}`}`)
        cursor = ((await res.json()) as { next_cursor?: string }).next_cursor ?? ''
      }
      const cases: Array<[string, string | (() => string)]> = [
        ['orders, first page', '/api/v2/orders?limit=50'],
        ['orders, page 20', `/api/v2/orders?limit=50&cursor=${encodeURIComponent(cursor)}`],
        ['orders by status', '/api/v2/orders?status=shipped&limit=50'],
        ['orders by total', '/api/v2/orders?sort=total&limit=50'],
        ['orders by store+profile', '/api/v2/orders?store=Nike&profile=Profile%203&limit=50'],
        ['orders by store, by total', '/api/v2/orders?store=Nike&sort=total&limit=50'],
        ['orders by status, by date', '/api/v2/orders?status=shipped&sort=order_date&limit=50'],
        ['orders, two statuses', '/api/v2/orders?status=shipped,delivered&limit=50'],
        ['orders, none in range', '/api/v2/orders?to=2025-01-01T00:00:00Z&sort=total&limit=50'],
        ['orders by date range', '/api/v2/orders?from=2026-05-01T00:00:00Z&to=2026-05-08T00:00:00Z&limit=50'],
        ['orders search', () => `/api/v2/orders?q=buyer${Math.floor(Math.random() * 50_000)}%40&limit=50`],
        ['one order', () => `/api/v2/orders/${1 + Math.floor(Math.random() * ORDERS)}`],
        ['logs', '/api/v2/webhooks/logs'],
        ['logs by outcome', '/api/v2/webhooks/logs?outcome=updated'],
        ['stats, one week', '/api/v2/orders/stats?from=2026-05-01T00:00:00Z&to=2026-05-08T00:00:00Z']
      ]
      const results: ReadResult[] = []
      for (const [name, path] of cases) {
        // A slow endpoint leaves queries queued when its measurement ends; wait them out so the next one starts clean.
        await fetch(`${server.url}/health`)
        results.push(await measure(server.url, name, path))
      }
      console.log(`\n${'endpoint'.padEnd(26)} ${'req/s'.padStart(7)} ${'p50'.padStart(5)} ${'p99'.padStart(5)} ${'non2xx'.padStart(7)}  (ms; target p99 < 50)`)
      for (const r of results) {
        console.log(`${r.name.padEnd(26)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(5)} ${String(r.p99).padStart(5)} ${String(r.non2xx).padStart(7)}${r.p99 >= 50 ? '  over target' : ''}`)
      }
      return results.every((r) => r.non2xx === 0)
    } finally {
      await server.stop()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
