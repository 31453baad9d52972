import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { measureRun, median, type Run } from './measured-run.ts'

// `npm run bench -- --compare <git-ref> [rounds]`: this build against another commit's, run after run in turns (ABAB...),
// with the write bench's load. On a machine whose speed swings by half between minutes, one run of each says little;
// medians of interleaved runs, and CPU per delivery, say more. Bounded: rounds x 2 x (2 + BENCH_SECONDS) s.

const ROOT = new URL('..', import.meta.url).pathname

function summary (name: string, runs: Run[]): string {
  const pick = (key: keyof Run): number => median(runs.map((r) => r[key]))
  return `${name.padEnd(14)} median of ${runs.length}: ${pick('rps').toFixed(0)} req/s, p99 ${pick('p99')} ms, max ${pick('max')} ms, ` +
    `CPU ${pick('cpu').toFixed(0)} µs per delivery`
}

/** Runs the comparison; false when it could not (no ref given). */
export async function benchCompare (ref: string | undefined, rounds: number): Promise<boolean> {
  if (ref === undefined || ref.startsWith('-')) {
    console.error('usage: npm run bench -- --compare <git-ref> [rounds]')
    return false
  }
  const here = join(ROOT, 'dist/main.js')
  if (!existsSync(here)) throw new Error('dist/main.js is missing: run npm run build first')
  const tree = mkdtempSync(join(tmpdir(), 'roms-compare-ref-'))
  execFileSync('git', ['worktree', 'add', '--detach', tree, ref], { cwd: ROOT, stdio: 'ignore' })
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'))
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: tree, stdio: 'inherit' })
    const builds = { 'this build': here, [ref]: join(tree, 'dist/main.js') }
    const runs: Record<string, Run[]> = Object.fromEntries(Object.keys(builds).map((name) => [name, []]))
    for (let round = 1; round <= rounds; round++) {
      for (const [name, entry] of Object.entries(builds)) {
        const run = await measureRun({ name, args: [entry], env: { LOG_LEVEL: 'warn', ROMS_RATE_LIMIT: '10000000' }, readyPath: '/health' })
        runs[name]?.push(run)
        console.log(`round ${round} ${name.padEnd(14)} ${run.rps.toFixed(0)} req/s, p99 ${run.p99} ms, max ${run.max} ms, CPU ${run.cpu.toFixed(0)} µs per delivery`)
      }
    }
    console.log('')
    for (const [name, list] of Object.entries(runs)) console.log(summary(name, list))
    return true
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT, stdio: 'ignore' })
  }
}
