import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findOrderByNumber } from '../../src/store/order-query-repository.ts'
import { findItems, findTrackings } from '../../src/store/order-repository.ts'
import { openTestStore, testDatabases, type TestStore } from '../helpers/test-database.ts'
import { runRoms } from './run-roms.ts'

const dir = mkdtempSync(join(tmpdir(), 'roms-import-'))
let n = 0
function file (name: string, text: string): string {
  const path = join(dir, `${n++}-${name}`)
  writeFileSync(path, text)
  return path
}

describe.each(testDatabases())('roms import (%s)', (kind) => {
  let db: TestStore
  let env: Record<string, string>
  beforeEach(async () => {
    db = await openTestStore(kind)
    env = { DATABASE_URL: db.databaseUrl }
  })
  afterEach(async () => { await db.cleanup() })
  const order = async (number: string) => await findOrderByNumber(db.store.db, number)

  it('reads Excel exports: BOM, semicolons, ="…" cells, "$1,299.00", US dates, spreadsheet headers', async () => {
    const csv = file('excel.csv', '\uFEFFOrder #;Product Name;Total;Tracking Number;Order Date;Notes\r\n' +
      'X-1;Jordan 1;"$1,299.00";="1Z999AA10123456784";11/28/2026;gift\r\n')
    const { code, stdout } = await runRoms(['import', '--json', csv], { env })
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ format: 'orders', rows: 1, created: 1, rejected: 0 })
    const stored = await order('X-1')
    expect(stored?.values).toMatchObject({ product: 'Jordan 1', total: '1299.00', trackingNumber: '1Z999AA10123456784', orderDate: '2026-11-28T00:00:00.000Z' })
    expect(stored?.extra).toEqual({ Notes: 'gift' })
    expect(stored?.source).toBe('import')
  })

  it('refuses a file without an order number column once, naming its columns, and imports nothing', async () => {
    const csv = file('german.csv', 'Bestellnummer;Produkt;Preis\nDE-1;Nike Dunk;"1.299,50 €"\nDE-2;Adidas;89,99\n')
    const { code, stdout, stderr } = await runRoms(['import', csv], { env })
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('has no order number column (its columns: Bestellnummer, Produkt, Preis)')
    expect(await order('DE-1')).toBeUndefined()
  })

  it('reports bad rows by row number and imports the rest', async () => {
    const csv = file('bad.csv', 'order_number,total,quantity\nB-1,10.00,1\n,5.00,1\nB-3,ten dollars,1\nB-4,4.00,-2\nB-5,5.00,1\n')
    const { code, stdout } = await runRoms(['import', '--json', csv], { env })
    expect(code).toBe(1)
    const summary = JSON.parse(stdout)
    expect(summary).toMatchObject({ rows: 5, created: 2, rejected: 3 })
    expect(summary.errors).toEqual([
      { row: 3, code: 'ORDER_NUMBER_MISSING', message: expect.stringContaining('order_number') },
      { row: 4, code: 'INVALID_FIELD', message: expect.stringContaining('total') },
      { row: 5, code: 'INVALID_FIELD', message: expect.stringContaining('quantity') }
    ])
    expect(await order('B-5')).toBeDefined()
    const text = await runRoms(['import', csv], { env })
    expect(text.stdout).toContain('unchanged 2')
    expect(text.stdout).toContain('row 4: INVALID_FIELD total must be an amount')
  })

  it('counts updated and unchanged rows on a second import, and --dry-run writes nothing', async () => {
    await runRoms(['import', file('first.csv', 'order_number,status\nU-1,pending\nU-2,pending\n')], { env })
    const dry = await runRoms(['import', '--dry-run', '--json', file('second.csv', 'order_number,status\nU-1,shipped\nU-2,pending\nU-3,pending\n')], { env })
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, created: 1, updated: 1, unchanged: 1 })
    expect((await order('U-1'))?.values.status).toBe('pending')
    expect(await order('U-3')).toBeUndefined()
  })

  it('adds tracking lists, marks cancellation lists, and records card statements on existing orders', async () => {
    await runRoms(['import', file('orders.json', JSON.stringify([{ order_number: 'L-1', reference: 'REF-1' }, { order_number: 'L-2' }]))], { env })

    const tracking = await runRoms(['import', '--json', file('tracking.csv', 'Order Number,Tracking,Carrier\nL-1,="9400111899223197428490",USPS\nL-9,1Z999AA10123456784,UPS\n')], { env })
    expect(JSON.parse(tracking.stdout)).toMatchObject({ format: 'tracking', updated: 1, rejected: 1, errors: [{ row: 3, code: 'ORDER_NOT_FOUND' }] })
    const l1 = await order('L-1')
    expect(await findTrackings(db.store.db, l1?.id ?? 0)).toEqual([{ number: '9400111899223197428490', carrier: 'USPS' }])

    const cancelled = await runRoms(['import', '--json', file('cancelled.csv', 'L-2\n')], { env })
    expect(JSON.parse(cancelled.stdout)).toMatchObject({ format: 'cancellations', rows: 1, updated: 1 })
    expect((await order('L-2'))?.values.status).toBe('cancelled')

    const statement = await runRoms(['import', '--json', file('statement.csv', 'Posted Date,Reference Number,Amount\n12/01/2026,REF-1,$212.40\n12/02/2026,REF-404,$1.00\n')], { env })
    expect(JSON.parse(statement.stdout)).toMatchObject({ format: 'statement', updated: 1, rejected: 1 })
    expect((await order('L-1'))?.extra).toEqual({ posted_date: '2026-12-01', posted_amount: '212.40' })
  })

  it('reads a tracking number printed in groups (as USPS and UPS show them) as one number, and long numbers apart', async () => {
    await runRoms(['import', file('orders.csv', 'order_number,product\nG-1,Dunk\nG-2,Jordan\n')], { env })
    const csv = file('grouped.csv', 'Order Number,Tracking Number,Carrier\nG-1,9405 5098 9876 5432 1098 73,USPS\nG-2,"1ZY0R3680123456785 1Z4W5E214203987654; 1Z 999 AA1 01 2345 6784",UPS\n')
    expect((await runRoms(['import', csv], { env })).code).toBe(0)
    const g1 = await order('G-1')
    expect(g1?.values.trackingNumber).toBe('9405509898765432109873')
    expect((await findTrackings(db.store.db, g1?.id ?? 0)).map((t) => t.number)).toEqual(['9405509898765432109873'])
    const g2 = await order('G-2')
    expect((await findTrackings(db.store.db, g2?.id ?? 0)).map((t) => t.number)).toEqual(['1ZY0R3680123456785', '1Z4W5E214203987654', '1Z999AA10123456784'])
  })

  it('reads a JSON list of orders that give only their number as orders, never as a list of cancellations', async () => {
    await runRoms(['import', file('shipped.json', JSON.stringify([{ order_number: 'N-1', status: 'shipped' }]))], { env })
    // The setup guide's minimal payload, one per order: as a webhook body it creates or confirms the order.
    const minimal = await runRoms(['import', '--json', file('minimal.json', JSON.stringify([{ order_number: 'N-1' }, { order_number: 'N-2' }]))], { env })
    expect(JSON.parse(minimal.stdout)).toMatchObject({ format: 'orders', created: 1, unchanged: 1, rejected: 0 })
    expect((await order('N-1'))?.values.status).toBe('shipped')
    expect((await order('N-2'))?.values.status).toBe('pending')
  })

  it('imports a file holding one order, a webhook body saved as it is sent', async () => {
    const body = file('order.json', JSON.stringify({ order_number: 'W-1', product: 'Nike Dunk Low', total: 115, email: 'bot@example.com' }))
    const { code, stdout } = await runRoms(['import', '--json', body], { env })
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ format: 'orders', rows: 1, created: 1 })
    expect((await order('W-1'))?.values).toMatchObject({ product: 'Nike Dunk Low', total: '115.00' })
  })

  it('gives a JSON order that lists its products its items, as the same body posted to the webhook gets them', async () => {
    const json = file('items.json', JSON.stringify([{
      order_number: 'J-1',
      email: 'bot@example.com',
      line_items: [{ title: 'Nike Dunk Low', size: '10.5', sku: 'DD1391-100', quantity: 2, price: '115.00' }, { name: 'Crew Socks', quantity: 1, price: 12 }]
    }]))
    const { code } = await runRoms(['import', json], { env })
    expect(code).toBe(0)
    const stored = await order('J-1')
    expect(stored?.values).toMatchObject({ product: 'Nike Dunk Low + 1 more', quantity: 3 })
    expect(await findItems(db.store.db, stored?.id ?? 0)).toMatchObject([
      { title: 'Nike Dunk Low', variant: '10.5', sku: 'DD1391-100', quantity: 2, unitPrice: '115.00' },
      { title: 'Crew Socks', variant: null, quantity: 1, unitPrice: '12.00' }
    ])
  })

  it('gives a status-less list the status of --as', async () => {
    await runRoms(['import', file('two.csv', 'order_number\nS-1\nS-2\n'), '--format', 'orders'], { env })
    const { stdout } = await runRoms(['import', '--as', 'delivered', '--json', file('list.csv', 'order_number,product\nS-1,A\nS-2,B\n')], { env })
    expect(JSON.parse(stdout)).toMatchObject({ updated: 2 })
    expect((await order('S-2'))?.values).toMatchObject({ status: 'delivered', product: 'B' })
  })
})
