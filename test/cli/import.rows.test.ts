import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { planRow } from '../../src/cli/import/plan-row.ts'
import { readTable } from '../../src/cli/import/read-table.ts'

const dir = mkdtempSync(join(tmpdir(), 'roms-import-rows-'))
afterAll(() => { rmSync(dir, { recursive: true, force: true }) })

async function rowsOf (name: string, text: string): Promise<Array<{ row: number, record: Record<string, unknown> }>> {
  const path = join(dir, name)
  writeFileSync(path, text)
  const table = await readTable(path)
  const rows = []
  for await (const row of table.rows) rows.push(row)
  return rows
}

const options = { format: 'orders', dayFirst: false, meta: new Set<string>() } as const

describe('import row numbers', () => {
  it('counts blank lines as the rows a spreadsheet shows', async () => {
    const rows = await rowsOf('blank.csv', 'Order Number,Total\nA1,1\n\nA2,bad\n')
    expect(rows.map((r) => [r.row, r.record.order_number])).toEqual([[2, 'A1'], [4, 'A2']])
  })

  it('counts blank lines before the header too', async () => {
    const rows = await rowsOf('leading.csv', '\r\n\r\nOrder Number,Total\r\nA1,1\r\n')
    expect(rows.map((r) => r.row)).toEqual([4])
  })
})

describe('import dates', () => {
  it('quotes the cell as written when a date is no day in US order', () => {
    const planned = planRow({ row: 2, record: { order_number: 'D1', order_date: '28/11/2026' } }, options)
    expect(planned).toMatchObject({ kind: 'rejected', code: 'INVALID_FIELD' })
    expect(planned.kind === 'rejected' && planned.message).toBe(
      'order_date is not a date: got "28/11/2026" (read as month/day/year; --day-first reads day/month/year)')
  })

  it('reads the same cell with --day-first, and quotes a statement\'s posted date as written', () => {
    expect(planRow({ row: 2, record: { order_number: 'D1', order_date: '28/11/2026' } }, { ...options, dayFirst: true }))
      .toMatchObject({ kind: 'patch', patch: { fields: { orderDate: '2026-11-28T00:00:00.000Z' } } })
    const statement = planRow({ row: 2, record: { 'Posted Date': '11/31/2026', Reference: 'R1' } }, { ...options, format: 'statement' })
    expect(statement.kind === 'rejected' && statement.message).toContain('got "11/31/2026"')
  })
})

describe('import of Excel serial dates (a date column formatted as a number)', () => {
  it.each([
    ['46354', '2026-11-28T00:00:00.000Z'],
    ['46354.5', '2026-11-28T12:00:00.000Z'],
    ['45291', '2023-12-31T00:00:00.000Z']
  ])('reads %s as %s', (serial, iso) => {
    expect(planRow({ row: 2, record: { order_number: 'X1', order_date: serial } }, options))
      .toMatchObject({ kind: 'patch', patch: { fields: { orderDate: iso } } })
  })

  it('reads a statement\'s posted date written as a serial', () => {
    expect(planRow({ row: 2, record: { 'Posted Date': '46356', Reference: 'R1' } }, { ...options, format: 'statement' }))
      .toMatchObject({ kind: 'reference', extra: { posted_date: '2026-11-30' } })
  })
})

describe('import of a ROMS export', () => {
  it('reads every field column the export writes as that field, not as extra', () => {
    const planned = planRow({ row: 2, record: { order_number: 'S1', platform_order_id: '820982911946154500', extra: '{"note":"gift"}' } }, options)
    expect(planned).toMatchObject({ kind: 'patch', patch: { fields: { platformOrderId: '820982911946154500' }, extra: { note: 'gift' } } })
  })
})
