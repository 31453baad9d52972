import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyPatch } from '../../src/orders/apply-patch.ts'
import { normalizePatch } from '../../src/orders/normalize-patch.ts'
import { openTestStore, testDatabases, type TestStore } from '../helpers/test-database.ts'
import { runRoms } from './run-roms.ts'

const dir = mkdtempSync(join(tmpdir(), 'roms-export-'))

// Every kind of value: money, quantities, dates, a comma and a quote, a newline, a formula-looking text, unknown columns.
const ORDERS = [
  'order_number,product,size,store,price,total,commission,currency,quantity,email,customer_name,profile,status,tracking,carrier,order_date,reference,discount_code',
  'E-1,"Jordan 1 ""Chicago""",10.5,Nike,$180,"$1,299.00",12.5,usd,2,a@example.com,"Doe, Jane",main,shipped,1Z999AA10123456784,UPS,2026-11-01T10:00:00Z,R1,BF25',
  'E-2,"Dunk Low\nPanda",9,Footlocker,,-3.10,,,1,,,,cancelled,,,11/02/2026,,',
  'E-3,=SUM(A1),,,,,,,,,,,pending,,,,,',
  'E-4,Yeezy,,Adidas,,0,,,,,,,delivered,,,,,VIP'
].join('\n')

describe.each(testDatabases())('roms export (%s)', (kind) => {
  let first: TestStore
  let second: TestStore
  beforeEach(async () => {
    [first, second] = await Promise.all([openTestStore(kind), openTestStore(kind)])
    const file = join(dir, `${kind}-orders.csv`)
    writeFileSync(file, ORDERS)
    const { code } = await runRoms(['import', file], { env: { DATABASE_URL: first.databaseUrl } })
    expect(code).toBe(0)
    // A Shopify order: the platform's own id is a field no spreadsheet alias sets.
    const shopify = normalizePatch({ orderNumber: 'E-5', fields: { product: 'Kith Tee', platformOrderId: '820982911946154500' } })
    await first.store.writer.write(async (db) => await applyPatch(db, shopify, { source: 'shopify', deliveryId: null, now: new Date() }))
  })
  afterEach(async () => { await Promise.all([first.cleanup(), second.cleanup()]) })

  for (const format of ['csv', 'json']) {
    it(`round-trips through import as ${format}: export, import into a fresh database, export again, equal`, async () => {
      const exported = await runRoms(['export', '--format', format], { env: { DATABASE_URL: first.databaseUrl } })
      expect(exported.code).toBe(0)
      const file = join(dir, `${kind}-export.${format}`)
      writeFileSync(file, exported.stdout)
      const imported = await runRoms(['import', '--json', file], { env: { DATABASE_URL: second.databaseUrl } })
      expect(JSON.parse(imported.stdout)).toMatchObject({ rows: 5, created: 5, rejected: 0 })
      const again = await runRoms(['export', '--format', format], { env: { DATABASE_URL: second.databaseUrl } })
      expect(again.stdout).toBe(exported.stdout)
    })
  }

  it('writes values as the API shows them, with extra as JSON and formulas defused', async () => {
    const { stdout } = await runRoms(['export', '--format', 'json'], { env: { DATABASE_URL: first.databaseUrl } })
    const orders = JSON.parse(stdout) as Array<Record<string, unknown>>
    expect(orders.map((o) => o.order_number)).toEqual(['E-1', 'E-2', 'E-3', 'E-4', 'E-5'])
    expect(orders[0]).toMatchObject({ price: '180.00', total: '1299.00', currency: 'USD', quantity: 2, customer_name: 'Doe, Jane', extra: { discount_code: 'BF25' } })
    const csv = await runRoms(['export'], { env: { DATABASE_URL: first.databaseUrl } })
    expect(csv.stdout).toContain("E-3,'=SUM(A1),")
  })

  it('filters as the dashboard does and adds bookkeeping columns with --meta', async () => {
    const env = { DATABASE_URL: first.databaseUrl }
    const shipped = await runRoms(['export', '--format', 'json', '--status', 'shipped,delivered', '--q', 'yeezy'], { env })
    expect((JSON.parse(shipped.stdout) as unknown[]).map((o) => (o as { order_number: string }).order_number)).toEqual(['E-4'])
    const meta = await runRoms(['export', '--meta', '--store', 'Nike'], { env })
    const [header, row, end] = meta.stdout.split('\n')
    expect(header).toMatch(/,extra,id,source,created_at,updated_at$/)
    expect(row).toMatch(/^E-1,.*,import,\d{4}-/)
    expect(end).toBe('')
    const none = await runRoms(['export', '--from', '2000-01-01', '--to', '2000-01-02'], { env })
    expect(none.stdout.split('\n')).toHaveLength(2)
  })

  it('exits 2 on a bad date or format', async () => {
    const env = { DATABASE_URL: first.databaseUrl }
    expect((await runRoms(['export', '--from', 'yesterday'], { env })).code).toBe(2)
    expect((await runRoms(['export', '--format', 'xlsx'], { env })).code).toBe(2)
  })
})
