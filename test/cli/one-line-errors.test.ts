import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runRoms } from './run-roms.ts'

const dir = mkdtempSync(join(tmpdir(), 'roms-one-line-'))
const folder = join(dir, 'somedir')
mkdirSync(folder)
const env = { DATABASE_URL: join(dir, 'roms_v2.db') }
afterAll(() => { rmSync(dir, { recursive: true, force: true }) })

describe('a problem a user can fix is one line on stderr, never a stack trace', () => {
  it('names a folder given to import or email import', async () => {
    for (const args of [['import', folder], ['email', 'import', folder]]) {
      const result = await runRoms(args, { env })
      expect(result.code).toBe(1)
      expect(result.stderr).toBe(`roms ${args[0] ?? ''}: cannot read ${folder}: it is a directory\n`)
    }
  })

  it('refuses a pipe given to import, which it must read twice', async () => {
    const fifo = join(dir, 'fifo')
    execFileSync('mkfifo', [fifo])
    const result = await runRoms(['import', fifo], { env })
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(`roms import: cannot read ${fifo}: it is a pipe, not a file (save it to a file first)\n`)
  })

  it('says the database cannot be reached without the URL or its password', async () => {
    const result = await runRoms(['logs'], { env: { DATABASE_URL: 'postgres://roms:s3cret-pw@127.0.0.1:1/roms' } })
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^roms logs: cannot use the database: .*ECONNREFUSED/)])
    expect(result.stderr).not.toContain('s3cret-pw')
  })
})
