import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runLoad } from './load.ts'
import { startServer } from './servers.ts'
import { cpuPerDelivery, threadCpu } from './thread-cpu.ts'

// `npm run bench -- --floor [rounds]`: where the limit of this machine lies for ROMS's schema. In turns, with the write
// bench's load: the baseline (no storage); the durable floor (floor-server.ts: the leanest code on ROMS's migrated
// schema); the same floor with only primary and unique keys; ROMS. Medians of the rounds. Bounded:
// rounds x 4 x (2 + BENCH_SECONDS) s.

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const SECRET = 'bench-secret'
const ROOT = new URL('..', import.meta.url).pathname
const FLOOR = ['--import', 'tsx', join(ROOT, 'bench/floor-server.ts')]

interface Contender {
  name: string
  args: string[]
  env: Record<string, string>
  readyPath: string
}

interface Run { rps: number, p50: number, p99: number, cpu: number }

async function measure (contender: Contender): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'roms-floor-'))
  const env = { DATABASE_URL: join(dir, 'bench.db'), WEBHOOK_SECRET: SECRET, ...contender.env }
  const server = await startServer(contender.args, env, contender.readyPath)
  try {
    await runLoad({ url: server.url, secret: SECRET, connections: 64, seconds: 2, prefix: 'warm' })
    const before = threadCpu(server.pid)
    const result = await runLoad({ url: server.url, secret: SECRET, connections: 64, seconds: SECONDS, prefix: 'run' })
    if (result.errors > 0 || result.non2xx > 0) throw new Error(`${contender.name}: ${result.errors} errors, ${result.non2xx} non-2xx`)
    const cpu = cpuPerDelivery(server.pid, before, threadCpu(server.pid), result.requests)
    return { rps: result.rps, p50: result.p50, p99: result.p99, cpu: cpu?.total ?? Number.NaN }
  } finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

function median (values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] ?? Number.NaN : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

export async function benchFloor (romsEntry: string[], rounds: number): Promise<boolean> {
  const contenders: Contender[] = [
    { name: 'baseline (no storage)', args: ['--import', 'tsx', join(ROOT, 'bench/baseline-server.ts')], env: {}, readyPath: '/' },
    { name: 'floor, ROMS schema', args: FLOOR, env: {}, readyPath: '/' },
    { name: 'floor, keys only', args: FLOOR, env: { FLOOR_WITHOUT_READ_INDEXES: '1' }, readyPath: '/' },
    { name: 'ROMS', args: romsEntry, env: { LOG_LEVEL: 'warn', ROMS_RATE_LIMIT: '10000000' }, readyPath: '/health' }
  ]
  const runs = new Map<string, Run[]>(contenders.map((c) => [c.name, []]))
  for (let round = 1; round <= rounds; round++) {
    for (const contender of contenders) {
      const run = await measure(contender)
      runs.get(contender.name)?.push(run)
      console.log(`round ${round} ${contender.name.padEnd(22)} ${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, CPU ${run.cpu.toFixed(0)} µs per delivery`)
    }
  }
  const baseline = median(runs.get(contenders[0]?.name ?? '')?.map((r) => r.rps) ?? [])
  console.log(`\nmedians of ${rounds} rounds${' '.repeat(12)}req/s  of baseline   p99   CPU per delivery`)
  for (const [name, list] of runs) {
    const rps = median(list.map((r) => r.rps))
    console.log(`${name.padEnd(34)} ${rps.toFixed(0).padStart(6)} ${`${(rps / baseline * 100).toFixed(0)}%`.padStart(11)} ` +
      `${`${median(list.map((r) => r.p99))} ms`.padStart(7)} ${`${median(list.map((r) => r.cpu)).toFixed(0)} µs`.padStart(10)}`)
  }
  return true
}
