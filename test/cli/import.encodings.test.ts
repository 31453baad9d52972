import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findOrderByNumber } from '../../src/store/order-query-repository.ts'
import { openTestStore, type TestStore } from '../helpers/test-database.ts'
import { runRoms } from './run-roms.ts'

const dir = mkdtempSync(join(tmpdir(), 'roms-import-encodings-'))
afterAll(() => { rmSync(dir, { recursive: true, force: true }) })

describe('roms import of what Excel saves besides UTF-8 CSV', () => {
  let db: TestStore
  beforeEach(async () => { db = await openTestStore('sqlite') })
  afterEach(async () => { await db.cleanup() })

  it('reads a CSV in Windows-1252 (Excel on Windows) with its accents, pounds, euros and curly quotes, even far down the file', async () => {
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

  it('reads Excel\'s "Unicode Text" (UTF-16 with a byte order mark, tab-separated)', async () => {
    const path = join(dir, 'unicode-text.txt')
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Order Number\tProduct\tTotal\r\nU-1\tCafé “Crème”\t£12.00\r\n', 'utf16le')]))
    const { code, stdout } = await runRoms(['import', '--json', path], { env: { DATABASE_URL: db.databaseUrl } })
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ created: 1, rejected: 0 })
    expect((await findOrderByNumber(db.store.db, 'U-1'))?.values).toMatchObject({ product: 'Café “Crème”', total: '12.00', currency: 'GBP' })
  })

  it('refuses a workbook given instead of its CSV, saying how to save one, and imports nothing', async () => {
    // The start of an .xlsx: a zip archive. It was read as a headerless list of order numbers to cancel.
    const path = join(dir, 'orders.xlsx')
    writeFileSync(path, Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000', 'latin1'), Buffer.from('[Content_Types].xml\n1001\n')]))
    const { code, stdout, stderr } = await runRoms(['import', path], { env: { DATABASE_URL: db.databaseUrl } })
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.split('\n')[0]).toBe(`roms import: ${path} is a zip archive (an Excel .xlsx, Numbers or OpenDocument workbook), not CSV or JSON: ` +
      'save the sheet as CSV (in Excel: File > Save As > CSV UTF-8) and import that')
  })
})
