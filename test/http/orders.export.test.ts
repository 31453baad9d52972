import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedOrders, type SeedOrder } from '../helpers/seed-orders.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'

const AT = new Date('2026-11-05T08:00:00.000Z')
// More than one export page (1000), with equal timestamps across the page boundary.
const ORDERS: SeedOrder[] = Array.from({ length: 1203 }, (_, i) => ({
  orderNumber: `E-${i}`, at: AT, fields: { total: '1.50', status: i % 3 === 0 ? 'shipped' : 'pending', product: i === 7 ? '=HYPERLINK("http://x","y"), "quoted"' : i === 8 ? 'Crème brûlée Dunk' : 'Dunk' }
}))

for (const kind of testDatabases()) {
  describe(`orders CSV export (${kind})`, () => {
    let t: TestApp
    beforeAll(async () => {
      t = await buildTestApp(kind)
      await seedOrders(t.store, ORDERS)
    })
    afterAll(async () => { await t.close() })

    it('exports every matching order across pages, once each, with a header row', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v2/orders/export.csv' })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toMatch(/^text\/csv/)
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="roms-orders-\d{4}-\d{2}-\d{2}\.csv"/)
      const rows = parse(res.body, { columns: true }) as Array<Record<string, string>>
      expect(rows).toHaveLength(1203)
      expect(new Set(rows.map((r) => r.order_number)).size).toBe(1203)
      expect(rows[0]).toMatchObject({ total: '1.50', created_at: AT.toISOString() })
    })

    it('applies the list filters', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v2/orders/export.csv?status=shipped' })
      const rows = parse(res.body, { columns: true }) as Array<Record<string, string>>
      expect(rows).toHaveLength(401)
      expect(rows.every((r) => r.status === 'shipped')).toBe(true)
    })

    it('quotes commas and quotes, and defuses a cell that a spreadsheet would run as a formula', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v2/orders/export.csv?q=E-7' })
      const rows = parse(res.body, { columns: true }) as Array<Record<string, string>>
      const row = rows.find((r) => r.order_number === 'E-7')
      expect(row?.product).toBe('\'=HYPERLINK("http://x","y"), "quoted"')
    })

    it('starts with a byte order mark only when asked (?bom=true, the dashboard\'s download for spreadsheets)', async () => {
      const plain = await t.app.inject({ method: 'GET', url: '/api/v2/orders/export.csv?q=br%C3%BBl%C3%A9e' })
      expect(plain.rawPayload.subarray(0, 3).toString()).toBe('id,')
      const marked = await t.app.inject({ method: 'GET', url: '/api/v2/orders/export.csv?q=br%C3%BBl%C3%A9e&bom=true' })
      expect(marked.statusCode).toBe(200)
      expect([...marked.rawPayload.subarray(0, 3)]).toEqual([0xEF, 0xBB, 0xBF])
      const rows = parse(marked.rawPayload, { columns: true, bom: true }) as Array<Record<string, string>>
      expect(rows.map((r) => [r.order_number, r.product])).toEqual([['E-8', 'Crème brûlée Dunk']])
      const wrong = await t.app.inject({ method: 'GET', url: '/api/v2/orders/export.csv?bom=excel' })
      expect(wrong.statusCode).toBe(400)
      expect(wrong.json()).toMatchObject({ success: false, error: { code: 'INVALID_QUERY', field: 'bom' } })
    })
  })
}
