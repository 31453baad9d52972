import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../src/store/migrations/index.ts'
import { openStore } from '../../src/store/open-store.ts'
import { computeOrderStats } from '../../src/store/order-stats-repository.ts'
import { foldOrders } from '../helpers/fold-orders.ts'

/** The migrations up to and including `last`, run on the file as an older ROMS would have. */
async function migrateUpTo (file: string, last: string): Promise<Kysely<any>> {
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) })
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(last)
  if (error !== undefined) throw error
  return db
}

describe('migration 0005: spend counts the price of orders without a total (sqlite)', () => {
  it('takes the folded daily sums again, for orders folded before it and orders changed since their fold', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'roms-0005-')), 'roms.db')
    const older = await migrateUpTo(file, '2026_11_28_0003_create_email_tables')
    const order = (n: string, fields: Record<string, unknown>): Record<string, unknown> => ({
      order_number: n, source: 'generic', extra: '{}', created_at: '2026-11-01T10:00:00.000Z', updated_at: '2026-11-01T10:00:00.000Z', ...fields
    })
    await older.insertInto('orders').values([
      order('P-1', { price: 120, quantity: 2, status: 'verified', store: 'Nike' }),
      order('P-2', { price: 99.99, status: 'verified', store: 'Nike' }),
      order('P-3', { price: 50, total: 60, status: 'shipped', store: 'Nike' }),
      order('P-4', { price: 10, status: 'cancelled', store: 'Nike' })
    ]).execute()
    await older.destroy()
    // 0004 folds these four at once, then a change queues P-2 with the values it was folded with.
    const folded = await migrateUpTo(file, '2026_11_29_0004_create_order_search_and_daily_stats')
    await sql`update orders set quantity = 3 where order_number = 'P-2'`.execute(folded)
    await folded.destroy()

    const store = openStore(file)
    try {
      expect((await store.migrate()).applied).toContain('2026_11_30_0005_count_price_in_spend')
      // 240.00 + 299.97 + 60.00, the cancelled order left out: exact before the queued change is folded, and after.
      const expected = { orders: 4, spendCents: 59997n }
      expect(await computeOrderStats(store.db, {})).toMatchObject(expected)
      await foldOrders(store)
      expect(await computeOrderStats(store.db, {})).toMatchObject(expected)
      const { rows } = await sql<{ spend: number }>`select sum(spend_cents) as spend from order_daily_stats where dimension = 'store'`.execute(store.db.kysely)
      expect(rows[0]?.spend).toBe(59997)
    } finally {
      await store.close()
    }
  })
})
