import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findOrderByNumber } from '../../src/store/order-query-repository.ts'
import { openTestStore, type TestStore } from '../helpers/test-database.ts'
import { runRoms } from './run-roms.ts'

const dir = mkdtempSync(join(tmpdir(), 'roms-import-encodings-'))
afterAll(() => { rmSync(dir, { recursive: true, force: true }) })

describe('roms import of a CSV that Excel on Windows saved in its code page (Windows-1252)', () => {
  let db: TestStore
  beforeEach(async () => { db = await openTestStore('sqlite') })
  afterEach(async () => { await db.cleanup() })

  it('reads accents, pounds, euros and curly quotes as written, even when the first of them is far down the file', async () => {
    const ascii = Array.from({ length: 2000 }, (_, i) => `A-${i},Plain ASCII product name number ${i},10.00`).join('\r\n')
    // "Café Crème", "£120.00", "“Panda” Dunk – Low™" and "€89" in Windows-1252 bytes.
    const tail = Buffer.from([
      ...Buffer.from('\r\nW-1,Caf', 'latin1'), 0xe9, ...Buffer.from(' Cr', 'latin1'), 0xe8, ...Buffer.from('me,', 'latin1'), 0xa3, ...Buffer.from('120.00\r\n', 'latin1'),
      ...Buffer.from('W-2,', 'latin1'), 0x93, ...Buffer.from('Panda', 'latin1'), 0x94, ...Buffer.from(' Dunk ', 'latin1'), 0x96, ...Buffer.from(' Low', 'latin1'), 0x99,
      0x2c, 0x80, ...Buffer.from('89\r\n', 'latin1')
    ])
    const path = join(dir, 'excel-windows.csv')
    writeFileSync(path, Buffer.concat([Buffer.from(`Order Number,Product,Total\r\n${ascii}`), tail]))
    const { code, stdout } = await runRoms(['import', '--json', path], { env: { DATABASE_URL: db.databaseUrl } })
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ created: 2002, rejected: 0 })
    expect((await findOrderByNumber(db.store.db, 'W-1'))?.values).toMatchObject({ product: 'Café Crème', total: '120.00', currency: 'GBP' })
    expect((await findOrderByNumber(db.store.db, 'W-2'))?.values).toMatchObject({ product: '“Panda” Dunk – Low™', total: '89.00', currency: 'EUR' })
  })
})
