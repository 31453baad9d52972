import { join } from 'node:path'
import { measureRun, median, type Run, type ServerUnderTest } from './measured-run.ts'

// `npm run bench -- --floor [rounds]`: where the limit of this machine lies for ROMS's schema. In turns, with the write
// bench's load: the baseline (no storage); the durable floor (floor-server.ts: the leanest code on ROMS's migrated
// schema); the same floor with only primary and unique keys; ROMS. Medians of the rounds. Bounded:
// rounds x 4 x (2 + BENCH_SECONDS) s.

const ROOT = new URL('..', import.meta.url).pathname
const FLOOR = ['--import', 'tsx', join(ROOT, 'bench/floor-server.ts')]

export async function benchFloor (romsEntry: string[], rounds: number): Promise<boolean> {
  const contenders: ServerUnderTest[] = [
    { name: 'baseline (no storage)', args: ['--import', 'tsx', join(ROOT, 'bench/baseline-server.ts')], env: {}, readyPath: '/' },
    { name: 'floor, ROMS schema', args: FLOOR, env: {}, readyPath: '/' },
    { name: 'floor, keys only', args: FLOOR, env: { FLOOR_WITHOUT_READ_INDEXES: '1' }, readyPath: '/' },
    { name: 'ROMS', args: romsEntry, env: { LOG_LEVEL: 'warn', ROMS_RATE_LIMIT: '10000000' }, readyPath: '/health' }
  ]
  const runs = new Map<string, Run[]>(contenders.map((c) => [c.name, []]))
  for (let round = 1; round <= rounds; round++) {
    for (const contender of contenders) {
      const run = await measureRun(contender)
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
