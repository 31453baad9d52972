import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eraseCustomer } from '../../src/store/erase-customer.ts'
import { listOrders } from '../../src/store/order-query-repository.ts'
import { computeOrderStats } from '../../src/store/order-stats-repository.ts'
import { foldOrders } from '../helpers/fold-orders.ts'
import { seedOrders } from '../helpers/seed-orders.ts'
import { openTestStore, type TestStore } from '../helpers/test-database.ts'
import { waitFor } from '../helpers/wait-for.ts'

// SQLite folds orders into its search index and daily stats in batches (store/dialects/sqlite-order-fold.ts). Searches
// and stats are checked against every state of the fold in order-search.test.ts and order-stats.test.ts; these look
// at the folded tables themselves.

const AT = new Date('2026-11-01T10:00:00.000Z')
const PAGE = { sort: 'created_at', descending: true, limit: 50 } as const

describe('folding orders into the search index and daily stats (sqlite)', () => {
  let t: TestStore
  beforeEach(async () => { t = await openTestStore('sqlite') })
  afterEach(async () => { await t.cleanup() })

  /** The row ids of the index that hold every trigram of the text (an order's id, minus a tracking number's id). */
  const indexed = async (text: string): Promise<number[]> => {
    const trigrams = [...new Set([...text].map((_, i, all) => all.slice(i, i + 3).join('')).filter((g) => [...g].length === 3))]
    const query = trigrams.map((g) => `"${g.replaceAll('"', '""')}"`).join(' ')
    const { rows } = await sql<{ rowid: number }>`select rowid from order_search where order_search match ${query}`.execute(t.store.db.kysely)
    return rows.map((row) => row.rowid)
  }
  const search = async (term: string): Promise<string[]> => (await listOrders(t.store.db, { search: term }, PAGE)).map((o) => o.orderNumber)
  const dailyOrders = async (dimension: string): Promise<Record<string, number>> => {
    const { rows } = await sql<{ key: string | null, orders: number }>`select key, sum(orders) as orders from order_daily_stats
      where dimension = ${dimension} group by key having sum(orders) != 0`.execute(t.store.db.kysely)
    return Object.fromEntries(rows.map((row) => [String(row.key), row.orders]))
  }

  it('indexes the text an order has now, and no longer the text it had or an erased customer\'s', async () => {
    await seedOrders(t.store, [{ orderNumber: 'F-1', at: AT, fields: { product: 'Dunk Low Panda', email: 'ann.lee@example.com', customerName: 'Ann Lee' } }])
    await foldOrders(t.store)
    expect(await indexed('panda')).toEqual([1])
    await seedOrders(t.store, [{ orderNumber: 'F-1', at: AT, fields: { product: 'Air Max 95' } }])
    await eraseCustomer(t.store, 'ann.lee@example.com', AT)
    await foldOrders(t.store)
    expect(await indexed('air max')).toEqual([1])
    expect(await indexed('panda')).toEqual([])
    expect(await indexed('ann.lee')).toEqual([])
    expect(await indexed('ann lee')).toEqual([])
  })

  it('indexes a tracking number under minus its id, and keeps the daily sums of every status', async () => {
    await seedOrders(t.store, [
      { orderNumber: 'F-1', at: AT, fields: { status: 'pending', store: 'Nike' } },
      { orderNumber: 'F-2', at: AT, fields: { status: 'pending' } }
    ])
    await foldOrders(t.store)
    await seedOrders(t.store, [{ orderNumber: 'F-1', at: AT, fields: { status: 'shipped' }, trackings: [{ number: '1Z999AA10123456784', carrier: 'UPS' }] }])
    await foldOrders(t.store)
    expect(await indexed('1z999aa')).toEqual([-1, 1])
    expect(await dailyOrders('status')).toEqual({ pending: 1, shipped: 1 })
    expect(await dailyOrders('store')).toEqual({ Nike: 1, null: 1 })
  })

  it('finds and counts rows stored under the folded ids (a copy into a database that has later ones), and forgets deleted ones', async () => {
    await seedOrders(t.store, [{ orderNumber: 'F-1', at: AT, fields: { status: 'pending' } }, { orderNumber: 'F-2', at: AT, fields: { status: 'pending' } }])
    const db = t.store.db.kysely
    await t.store.writer.write(async (w) => {
      await sql`insert into orders (id, order_number, status, source, extra, created_at, updated_at)
        values (10, 'F-10', 'pending', 'copy', '{}', ${AT.toISOString()}, ${AT.toISOString()})`.execute(w.kysely)
      await sql`insert into order_tracking (id, order_id, tracking_number, source, created_at) values (10, 10, 'TBA0010', 'copy', ${AT.toISOString()})`.execute(w.kysely)
    })
    await foldOrders(t.store)
    await t.store.writer.write(async (w) => {
      await sql`insert into orders (id, order_number, product, status, source, extra, created_at, updated_at)
        values (5, 'F-5', 'Copied Jordan', 'shipped', 'copy', '{}', ${AT.toISOString()}, ${AT.toISOString()})`.execute(w.kysely)
      await sql`insert into order_tracking (id, order_id, tracking_number, source, created_at) values (5, 1, 'TBA0005', 'copy', ${AT.toISOString()})`.execute(w.kysely)
      await sql`delete from orders where id = 2`.execute(w.kysely)
    })
    const range = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' }
    for (const folded of [false, true]) {
      if (folded) await foldOrders(t.store)
      expect(await search('copied jordan'), `folded: ${String(folded)}`).toEqual(['F-5'])
      expect(await search('tba0005')).toEqual(['F-1'])
      expect(await search('tba0010')).toEqual(['F-10'])
      expect((await computeOrderStats(t.store.db, range)).byStatus).toEqual([{ status: 'pending', count: 2 }, { status: 'shipped', count: 1 }])
    }
    expect(await dailyOrders('status')).toEqual({ pending: 2, shipped: 1 })
    expect(await db.selectFrom('orders').select('id').where('id', '=', 2).executeTakeFirst()).toBeUndefined()
  })

  it('folds by itself once the store is migrated', async () => {
    await seedOrders(t.store, Array.from({ length: 30 }, (_, i) => ({ orderNumber: `F-${i}`, at: AT, fields: { product: `Shoe ${i}` } })))
    await waitFor(async () => {
      const { rows: [state] } = await sql<{ last_order_id: number }>`select last_order_id from order_fold_state`.execute(t.store.db.kysely)
      return state?.last_order_id === 30
    }, 'the background fold')
    expect(await indexed('shoe 29')).toEqual([30])
  })
})
