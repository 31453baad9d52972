import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from '../src/store/open-store.ts'
import { runLoad } from './load.ts'
import { startServer } from './servers.ts'
import { verifyAcknowledged } from './verify.ts'

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 1_000_000)
const SAMPLE_MS = 2000
/** Memory is flat when the last tenth of the run uses no more than this over the second tenth (after warm-up). */
const FLAT_TOLERANCE = 1.25

/**
 * `npm run bench -- --memory`: DELIVERIES signed deliveries (80% new orders) into ROMS on a fresh SQLite file at 64
 * connections, sampling its resident memory; prints memory over the run and checks every acknowledged order.
 */
export async function benchMemory (entry: string[], secret: string): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'roms-memory-'))
  const file = join(dir, 'memory.db')
  try {
    const server = await startServer(entry, { DATABASE_URL: file, WEBHOOK_SECRET: secret, LOG_LEVEL: 'warn', ROMS_RATE_LIMIT: '10000000' })
    const samples: Array<{ seconds: number, rss: number }> = []
    const started = Date.now()
    const timer = setInterval(() => { samples.push({ seconds: (Date.now() - started) / 1000, rss: server.memoryMiB() }) }, SAMPLE_MS)
    let result
    let peak
    try {
      result = await runLoad({ url: server.url, secret, connections: 64, amount: DELIVERIES, prefix: 'mem' })
      peak = server.peakMemoryMiB()
    } finally {
      clearInterval(timer)
      await server.stop()
    }
    const seconds = (Date.now() - started) / 1000
    console.log(`${result.requests} deliveries in ${seconds.toFixed(0)} s (${(result.requests / seconds).toFixed(0)}/s), p99 ${result.p99} ms, ` +
      `errors ${result.errors}, non-2xx ${result.non2xx}`)
    console.log('\nresident memory over the run (MiB):')
    const tenth = (i: number): number => {
      const part = samples.filter((s) => s.seconds >= (seconds * i) / 10 && s.seconds < (seconds * (i + 1)) / 10)
      return part.length === 0 ? Number.NaN : Math.max(...part.map((s) => s.rss))
    }
    const tenths = Array.from({ length: 10 }, (_, i) => tenth(i))
    console.log(tenths.map((rss, i) => `${(i + 1) * 10}%: ${rss.toFixed(0)}`).join('  '))
    const flat = tenths[9] !== undefined && tenths[1] !== undefined && tenths[9] <= tenths[1] * FLAT_TOLERANCE
    console.log(`peak ${peak.toFixed(0)} MiB; last tenth / second tenth: ${((tenths[9] ?? 0) / (tenths[1] ?? 1)).toFixed(2)} ` +
      `(${flat ? 'flat' : 'GROWING'}: target <= ${FLAT_TOLERANCE})`)
    const store = openStore(file)
    try {
      const check = await verifyAcknowledged(store, result.acknowledged)
      console.log(`${check.acknowledged} acknowledged orders checked: missing orders ${check.missingOrders}, missing events ` +
        `${check.missingEvents}, missing delivery records ${check.missingDeliveries}`)
      return check.missingOrders === 0 && check.missingEvents === 0 && check.missingDeliveries === 0 && result.errors === 0 && result.non2xx === 0
    } finally {
      await store.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
