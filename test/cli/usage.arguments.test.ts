import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run.ts'
import { createTerminal } from '../../src/cli/terminal.ts'

// A folder of its own: were a case to get past the argument check, its database would land here, not in the checkout.
const cwd = mkdtempSync(join(tmpdir(), 'roms-usage-'))
afterAll(() => { rmSync(cwd, { recursive: true, force: true }) })

/** In process: every case is refused before a database is opened, so no child process is needed. */
async function run (args: string[]): Promise<{ code: number, stderr: string }> {
  const stderr = new PassThrough()
  let text = ''
  stderr.setEncoding('utf8').on('data', (chunk: string) => { text += chunk })
  const terminal = createTerminal({ stdin: new PassThrough(), stdout: new PassThrough(), stderr, env: { NO_COLOR: '1' }, cwd })
  const code = await runCli(args, terminal)
  return { code, stderr: text }
}

describe('roms refuses arguments it does not take', () => {
  it.each([
    [['logs', '--outcome', 'weird'], 'roms logs: --outcome must be one of received, created, updated, unchanged, duplicate, stale, ping, test, declined, rejected, unauthorized, failed, got "weird"'],
    [['logs', '--source', 'weird'], 'roms logs: --source must be one of generic, shopify, woocommerce, discord, slack, standard-webhooks, manual, email, import, got "weird"'],
    [['migrate', 'extra'], 'roms migrate: unexpected argument "extra"'],
    [['erase', 'a@b.c', 'extra'], 'roms erase: unexpected argument "extra"'],
    [['prune', 'x', 'y'], 'roms prune: unexpected arguments "x" "y"'],
    [['copy-database', '--from', 'a.db', '--to', 'b.db', 'c.db'], 'roms copy-database: unexpected argument "c.db"']
  ])('%j exits 2', async (args, message) => {
    const result = await run(args)
    expect(result.code).toBe(2)
    expect(result.stderr.split('\n')[0]).toBe(message)
  })
})

describe('roms never prints a database password it was given', () => {
  // Copy-database's URLs typed without --from/--to (the usual slip) were echoed back, password and all, to a terminal
  // that may be shared, recorded or a CI log.
  it.each([
    [['copy-database', 'roms_v2.db', 'postgres://roms:s3cret-pw@db.internal:5432/roms'], 'roms copy-database: unexpected arguments "roms_v2.db" "postgres://roms:***@db.internal:5432/roms"'],
    [['migrate', 'postgresql://admin:hunter2@10.0.0.5/roms?sslmode=verify-full'], 'roms migrate: unexpected argument "postgresql://admin:***@10.0.0.5/roms?sslmode=verify-full"']
  ])('%j', async (args, message) => {
    const result = await run(args)
    expect(result.code).toBe(2)
    expect(result.stderr.split('\n')[0]).toBe(message)
    expect(result.stderr).not.toMatch(/s3cret-pw|hunter2/)
  })
})
