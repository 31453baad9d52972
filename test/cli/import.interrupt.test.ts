import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../helpers/test-database.ts'
import { waitFor } from '../helpers/wait-for.ts'
import { spawnRoms } from './run-roms.ts'

const ROWS = 150_000
const dir = mkdtempSync(join(tmpdir(), 'roms-import-interrupt-'))
afterAll(() => { rmSync(dir, { recursive: true, force: true }) })

describe('roms import interrupted with Ctrl-C', () => {
  let db: TestStore
  beforeEach(async () => { db = await openTestStore('sqlite') })
  afterEach(async () => { await db.cleanup() })

  it('commits the rows already read, says how many in the summary and exits 130', async () => {
    const path = join(dir, 'large.csv')
    writeFileSync(path, `Order Number,Product,Total\n${Array.from({ length: ROWS }, (_, i) => `I-${i},Product ${i},${i % 500}.99`).join('\n')}\n`)
    const child = spawnRoms(['import', '--json', '--batch', '200', path], { env: { DATABASE_URL: db.databaseUrl } })
    let stdout = ''
    let stderr = ''
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk })
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk })
    const closed = new Promise<number | null>((resolve) => child.once('close', resolve))
    const count = async (): Promise<number> => {
      const row = await db.store.db.kysely.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      return Number(row.n)
    }
    await waitFor(async () => (await count()) > 0, 'the first batch to commit')
    child.kill('SIGINT')
    expect(await closed).toBe(130)
    const summary = JSON.parse(stdout) as { rows: number, created: number, interrupted?: boolean }
    expect(summary.interrupted).toBe(true)
    expect(summary.created).toBeGreaterThan(0)
    expect(summary.created).toBeLessThan(ROWS)
    expect(summary.created).toBe(summary.rows)
    expect(await count()).toBe(summary.created)
    expect(stderr).toContain(`interrupted: the ${summary.rows.toLocaleString('en-US')} rows read were applied`)
  })
})
