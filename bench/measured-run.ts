import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runLoad } from './load.ts'
import { startServer } from './servers.ts'
import { cpuPerDelivery, threadCpu } from './thread-cpu.ts'

// One measured run of the write bench's load against a server on a fresh SQLite file, for the modes that run servers
// in turns (--compare, --floor). BENCH_SECONDS sets its length (default 8 s, after a 2 s warm-up).

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
export const BENCH_SECRET = 'bench-secret'

export interface ServerUnderTest {
  name: string
  args: string[]
  env: Record<string, string>
  readyPath: string
}

export interface Run { rps: number, p50: number, p99: number, max: number, cpu: number }

/** Starts the server, warms it, measures; throws when a request failed (a run with errors says nothing of speed). */
export async function measureRun (server: ServerUnderTest): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'roms-run-'))
  const running = await startServer(server.args, { DATABASE_URL: join(dir, 'bench.db'), WEBHOOK_SECRET: BENCH_SECRET, ...server.env }, server.readyPath)
  try {
    await runLoad({ url: running.url, secret: BENCH_SECRET, connections: 64, seconds: 2, prefix: 'warm' })
    const before = threadCpu(running.pid)
    const result = await runLoad({ url: running.url, secret: BENCH_SECRET, connections: 64, seconds: SECONDS, prefix: 'run' })
    if (result.errors > 0 || result.non2xx > 0) throw new Error(`${server.name}: ${result.errors} errors, ${result.non2xx} non-2xx`)
    const cpu = cpuPerDelivery(running.pid, before, threadCpu(running.pid), result.requests)
    return { rps: result.rps, p50: result.p50, p99: result.p99, max: result.max, cpu: cpu?.total ?? Number.NaN }
  } finally {
    await running.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function median (values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] ?? Number.NaN : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}
