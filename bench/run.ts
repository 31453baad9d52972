import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { isPostgresUrl, openStore } from '../src/store/open-store.ts'
import { type LoadResult, runLoad } from './load.ts'
import { type RunningServer, startServer } from './servers.ts'
import { describeCpu, threadCpu } from './thread-cpu.ts'
import { benchMemory } from './memory.ts'
import { benchRead } from './read.ts'
import { benchCompare } from './compare.ts'
import { benchFloor } from './floor.ts'
import { verifyAcknowledged } from './verify.ts'

// `npm run bench`: bounded (fixed duration, loopback only) and stops by itself. BENCH_SECONDS sets the duration.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = 64
const SECRET = 'bench-secret'
const ROOT = new URL('..', import.meta.url).pathname
const ROMS_ENTRY = existsSync(join(ROOT, 'dist/main.js')) ? [join(ROOT, 'dist/main.js')] : ['--import', 'tsx', join(ROOT, 'src/main.ts')]

function row (name: string, r: LoadResult): string {
  return [name.padEnd(22), r.rps.toFixed(0).padStart(8), `${r.p50}`.padStart(6), `${r.p99}`.padStart(6), `${r.max}`.padStart(6),
    `${r.errors}`.padStart(7), `${r.non2xx}`.padStart(7)].join(' ')
}

/** The load, with the CPU per delivery the server and this process (the load generator) spent on it. */
async function measuredLoad (server: RunningServer, prefix: string): Promise<{ result: LoadResult, cpu: string }> {
  const before = threadCpu(server.pid)
  const generator = threadCpu(process.pid)
  const result = await runLoad({ url: server.url, secret: SECRET, connections: CONNECTIONS, seconds: SECONDS, prefix })
  const generatorMs = [...threadCpu(process.pid)].reduce((sum, [tid, ms]) => sum + ms - (generator.get(tid) ?? 0), 0)
  const perDelivery = (generatorMs * 1000 / Math.max(1, result.requests)).toFixed(0)
  return { result, cpu: `${describeCpu(server.pid, before, threadCpu(server.pid), result.requests)}; load generator ${perDelivery} µs` }
}

async function measureBaseline (): Promise<{ result: LoadResult, cpu: string }> {
  const server = await startServer(['--import', 'tsx', join(ROOT, 'bench/baseline-server.ts')], {}, '/')
  try {
    await runLoad({ url: server.url, secret: SECRET, connections: CONNECTIONS, seconds: 2, prefix: 'warm' })
    return await measuredLoad(server, 'base')
  } finally {
    await server.stop()
  }
}

async function measureRoms (databaseUrl: string, label: string): Promise<{ result: LoadResult, cpu: string, memory: number, ok: boolean }> {
  const server = await startServer(ROMS_ENTRY, { DATABASE_URL: databaseUrl, WEBHOOK_SECRET: SECRET, LOG_LEVEL: 'warn', ROMS_RATE_LIMIT: '10000000' })
  let result: LoadResult
  let cpu: string
  let warm: LoadResult
  let memory: number
  try {
    warm = await runLoad({ url: server.url, secret: SECRET, connections: CONNECTIONS, seconds: 2, prefix: 'warm' })
    ;({ result, cpu } = await measuredLoad(server, 'roms'))
    memory = server.peakMemoryMiB()
  } finally {
    await server.stop()
  }
  const store = openStore(databaseUrl)
  try {
    const check = await verifyAcknowledged(store, new Set([...warm.acknowledged, ...result.acknowledged]))
    const ok = check.missingOrders === 0 && check.missingEvents === 0 && check.missingDeliveries === 0 && result.errors === 0 && result.non2xx === 0
    console.log(`  ${label}: ${check.acknowledged} acknowledged orders checked: missing orders ${check.missingOrders}, ` +
      `missing events ${check.missingEvents}, missing delivery records ${check.missingDeliveries}`)
    return { result, cpu, memory, ok }
  } finally {
    await store.close()
  }
}

async function main (): Promise<number> {
  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`)
  console.log(`load: ${CONNECTIONS} connections, ${SECONDS} s, 80% new orders / 20% updates, every delivery signed (X-Webhook-Signature)\n`)
  const baseline = await measureBaseline()
  const dir = mkdtempSync(join(tmpdir(), 'roms-bench-'))
  let ok = true
  try {
    const sqlite = await measureRoms(join(dir, 'bench.db'), 'sqlite')
    ok &&= sqlite.ok
    console.log(`\n${'server'.padEnd(22)} ${'req/s'.padStart(8)} ${'p50'.padStart(6)} ${'p99'.padStart(6)} ${'max'.padStart(6)} ${'errors'.padStart(7)} ${'non2xx'.padStart(7)}   (latency ms)`)
    console.log(row('baseline (no storage)', baseline.result))
    console.log(row('ROMS sqlite', sqlite.result))
    console.log(`\nROMS/baseline (sqlite): ${(sqlite.result.rps / baseline.result.rps * 100).toFixed(1)}%   peak memory ${sqlite.memory.toFixed(0)} MiB`)
    console.log(`baseline ${baseline.cpu}`)
    console.log(`ROMS sqlite ${sqlite.cpu}`)

    const pgUrl = [process.env.DATABASE_URL, process.env.TEST_DATABASE_URL].find((u) => u !== undefined && isPostgresUrl(u))
    if (pgUrl !== undefined) {
      const schema = `bench_${Date.now()}`
      const admin = new pg.Client({ connectionString: pgUrl })
      await admin.connect()
      await admin.query(`create schema ${schema}`)
      try {
        const url = new URL(pgUrl)
        url.searchParams.set('options', `-c search_path=${schema}`)
        const postgres = await measureRoms(url.toString(), 'postgres')
        ok &&= postgres.ok
        console.log(row('ROMS postgres', postgres.result))
        console.log(`ROMS/baseline (postgres): ${(postgres.result.rps / baseline.result.rps * 100).toFixed(1)}%   peak memory ${postgres.memory.toFixed(0)} MiB`)
        console.log(`ROMS postgres ${postgres.cpu}`)
      } finally {
        await admin.query(`drop schema ${schema} cascade`)
        await admin.end()
      }
    } else {
      console.log('\n(PostgreSQL not measured: set DATABASE_URL or TEST_DATABASE_URL to a postgres:// URL)')
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  console.log(ok ? '\ncorrectness: every acknowledged order is stored with its event and delivery record' : '\nCORRECTNESS CHECK FAILED')
  return ok ? 0 : 1
}

async function pick (): Promise<number> {
  if (process.argv.includes('--read')) return await benchRead(ROMS_ENTRY) ? 0 : 1
  if (process.argv.includes('--memory')) return await benchMemory(ROMS_ENTRY, SECRET) ? 0 : 1
  const floor = process.argv.indexOf('--floor')
  if (floor >= 0) {
    const rounds = Number(process.argv[floor + 1])
    return await benchFloor(ROMS_ENTRY, Number.isInteger(rounds) && rounds > 0 ? rounds : 3) ? 0 : 1
  }
  const compare = process.argv.indexOf('--compare')
  if (compare >= 0) {
    const rounds = Number(process.argv[compare + 2])
    return await benchCompare(process.argv[compare + 1], Number.isInteger(rounds) && rounds > 0 ? rounds : 3) ? 0 : 2
  }
  return await main()
}

process.exitCode = await pick()
