import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readFile, writeFile } from 'node:fs/promises'
import { finished } from 'node:stream/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestStore, testDatabases, type TestStore } from '../helpers/test-database.ts'
import { runRoms } from './run-roms.ts'

const ROWS = 100_000
/**
 * PostgreSQL imports the file's first fifth: each statement is a round trip there (about 1,000 rows/s measured on a
 * loaded 2-core machine), so the whole file would take minutes; SQLite takes the whole file.
 */
const ROWS_ON: Record<string, number> = { sqlite: ROWS, postgres: 20_000 }
// Every 10,000th row carries an amount no rule accepts.
const BAD_EVERY = 10_000
const dir = mkdtempSync(join(tmpdir(), 'roms-import-large-'))
const file = join(dir, 'orders.csv')

beforeAll(async () => {
  const out = createWriteStream(file)
  out.write('\uFEFFOrder Number,Product,Size,Store,Total,Status,Tracking Number,Order Date,Email\r\n')
  for (let i = 1; i <= ROWS; i++) {
    const total = i % BAD_EVERY === 0 ? 'n/a' : `"$1,${String(i % 1000).padStart(3, '0')}.99"`
    const line = `L${i},Jordan 1 Retro High,10.5,Nike,${total},shipped,="1Z999AA1${String(i).padStart(10, '0')}",11/${1 + (i % 28)}/2026,b${i}@example.com\r\n`
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  out.end()
  await finished(out)
})
afterAll(() => { rmSync(dir, { recursive: true, force: true }) })

describe.each(testDatabases())('roms import of a large file (%s)', (kind) => {
  let db: TestStore
  beforeAll(async () => { db = await openTestStore(kind) })
  afterAll(async () => { await db.cleanup() })

  const rows = ROWS_ON[kind] ?? ROWS
  it(`imports ${rows.toLocaleString('en-US')} rows with the right summary`, async () => {
    const started = performance.now()
    const path = rows === ROWS ? file : await firstLines(rows)
    const { code, stdout, stderr } = await runRoms(['import', '--json', path], { env: { DATABASE_URL: db.databaseUrl } })
    const seconds = (performance.now() - started) / 1000
    const summary = JSON.parse(stdout)
    expect(summary, stderr).toMatchObject({ rows, created: rows - rows / BAD_EVERY, updated: 0, unchanged: 0, rejected: rows / BAD_EVERY })
    expect(summary.errors[0]).toMatchObject({ row: BAD_EVERY + 1, code: 'INVALID_FIELD' })
    expect(code).toBe(1)
    const count = await db.store.db.kysely.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(rows - rows / BAD_EVERY)
    console.log(`${kind}: ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s, command's own count ${summary.seconds} s)`)
  }, 240_000)
})

/** The header and the first `rows` rows of the large file. */
async function firstLines (rows: number): Promise<string> {
  const path = join(dir, `first-${rows}.csv`)
  const lines = (await readFile(file, 'utf8')).split('\r\n').slice(0, rows + 1)
  await writeFile(path, `${lines.join('\r\n')}\r\n`)
  return path
}
