import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseOrderListPlan } from '../../src/store/order-list-plan.ts'
import { listOrders, type OrderFilter, type OrderSortKey, sortKeyOf } from '../../src/store/order-query-repository.ts'
import { seedOrders, type SeedOrder } from '../helpers/seed-orders.ts'
import { openTestStore, type TestStore, testDatabases } from '../helpers/test-database.ts'

// Pages of 3: a filter is common above 300 matches (100 per order of the page), rare at or below. 1,200 orders with
// common and rare values of each filter, and pairs of common values that no order holds together.
const LIMIT = 3
const COUNT = 1200
const DAY = 86_400_000
const START = Date.parse('2026-06-01T00:00:00.000Z')

interface Seeded { n: number, id: number, createdAt: string, status: string, store: string, profile: string, total: number, orderDate: string | null }

function seedFor (n: number): { order: SeedOrder, facts: Omit<Seeded, 'id'> } {
  const createdAt = new Date(START + n * (DAY / 10))
  const status = n % 97 === 0 ? 'refunded' : n % 2 === 0 ? 'shipped' : 'verified'
  // Nike and Target alternate with the status, so `shipped` Target orders do not exist: common alone, none together.
  const store = n % 101 === 0 ? 'Rare Store' : n % 2 === 0 ? 'Nike' : 'Target'
  const profile = n % 89 === 0 ? 'Rare Profile' : `Profile ${n % 3}`
  const total = (n * 37) % 500 + 0.99
  const orderDate = n % 5 === 0 ? null : new Date(START - (n % 13) * DAY).toISOString()
  return {
    order: { orderNumber: `LP-${n}`, at: createdAt, fields: { status, store, profile, total: total.toFixed(2), ...(orderDate === null ? {} : { orderDate }) } },
    facts: { n, createdAt: createdAt.toISOString(), status, store, profile, total, orderDate }
  }
}

function sortValue (order: Seeded, sort: OrderSortKey): string | number {
  if (sort === 'total') return order.total
  if (sort === 'order_date') return order.orderDate ?? order.createdAt
  return order.createdAt
}

function expected (orders: readonly Seeded[], filter: OrderFilter, sort: OrderSortKey, descending: boolean): string[] {
  const kept = orders.filter((o) =>
    (filter.statuses === undefined || filter.statuses.includes(o.status)) &&
    (filter.store === undefined || o.store === filter.store) &&
    (filter.profile === undefined || o.profile === filter.profile) &&
    (filter.from === undefined || o.createdAt >= filter.from) &&
    (filter.to === undefined || o.createdAt < filter.to))
  const sign = descending ? -1 : 1
  return kept.sort((a, b) => {
    const x = sortValue(a, sort)
    const y = sortValue(b, sort)
    return sign * (x < y ? -1 : x > y ? 1 : a.id - b.id)
  }).map((o) => `LP-${o.n}`)
}

const FILTERS: Record<string, OrderFilter> = {
  'a common store': { store: 'Nike' },
  'a rare store': { store: 'Rare Store' },
  'a store no order has': { store: 'Nope' },
  'a rare status': { statuses: ['refunded'] },
  'several statuses, common': { statuses: ['shipped', 'refunded'] },
  'several statuses, rare': { statuses: ['refunded', 'cancelled'] },
  'two common filters no order holds together': { statuses: ['shipped'], store: 'Target' },
  'two common filters many orders hold together': { statuses: ['shipped'], store: 'Nike' },
  'three filters, one rare': { statuses: ['verified', 'shipped'], store: 'Nike', profile: 'Rare Profile' },
  'a date range, common': { from: new Date(START + 10 * DAY).toISOString(), to: new Date(START + 90 * DAY).toISOString() },
  'a date range, rare': { from: new Date(START + 10 * DAY).toISOString(), to: new Date(START + 12 * DAY).toISOString() },
  'a date range with a store': { from: new Date(START + 10 * DAY).toISOString(), store: 'Target' },
  'a date range that holds none': { to: new Date(START - DAY).toISOString() }
}

for (const kind of testDatabases()) {
  describe(`order list pages under every plan (${kind})`, () => {
    let t: TestStore
    const seeded: Seeded[] = []
    beforeAll(async () => {
      t = await openTestStore(kind)
      const made = Array.from({ length: COUNT }, (_, n) => seedFor(n))
      await seedOrders(t.store, made.map((m) => m.order))
      const ids = new Map((await t.store.db.kysely.selectFrom('orders').select(['id', 'order_number']).execute()).map((r) => [r.order_number, r.id]))
      for (const m of made) seeded.push({ ...m.facts, id: ids.get(`LP-${m.facts.n}`) ?? -1 })
    }, 60_000)
    afterAll(async () => { await t.cleanup() })

    for (const [name, filter] of Object.entries(FILTERS)) {
      for (const sort of ['created_at', 'order_date', 'total'] as const) {
        for (const descending of [true, false]) {
          it(`pages through ${name}, by ${sort} ${descending ? 'descending' : 'ascending'}, as a sort of every match would`, async () => {
            const numbers: string[] = []
            let after: { key: string, id: number } | undefined
            for (let pages = 0; pages <= COUNT / LIMIT; pages++) {
              const page = await listOrders(t.store.db, filter, { sort, descending, limit: LIMIT, after })
              numbers.push(...page.map((o) => o.orderNumber))
              const last = page.at(-1)
              if (page.length < LIMIT || last === undefined) break
              after = { key: sortKeyOf(last, sort), id: last.id }
            }
            expect(numbers).toEqual(expected(seeded, filter, sort, descending))
          })
        }
      }
    }
  })
}

describe('which way a page of filtered orders is read (sqlite)', () => {
  let t: TestStore
  beforeAll(async () => {
    t = await openTestStore('sqlite')
    await seedOrders(t.store, Array.from({ length: COUNT }, (_, n) => seedFor(n).order))
  }, 60_000)
  afterAll(async () => { await t.cleanup() })

  const plan = async (filter: OrderFilter, sort: OrderSortKey): Promise<{ unindexed: string[], sortMatches: boolean }> => {
    const chosen = await chooseOrderListPlan(t.store.db, filter, sort, LIMIT)
    return { unindexed: [...chosen.unindexed].sort(), sortMatches: chosen.sortMatches }
  }

  it('leaves one filter by arrival to the planner: its index ends in created_at', async () => {
    expect(await plan({ store: 'Nike' }, 'created_at')).toEqual({ unindexed: [], sortMatches: false })
    expect(await plan({ from: '2026-06-02T00:00:00.000Z' }, 'created_at')).toEqual({ unindexed: [], sortMatches: false })
  })

  it('walks the sort order for a common filter, checking it on each order', async () => {
    expect(await plan({ store: 'Nike' }, 'total')).toEqual({ unindexed: ['store'], sortMatches: false })
    expect(await plan({ statuses: ['shipped', 'verified'] }, 'total')).toEqual({ unindexed: ['status'], sortMatches: false })
  })

  it('sorts the matches of a rare filter, read through its index alone', async () => {
    expect(await plan({ store: 'Rare Store' }, 'total')).toEqual({ unindexed: [], sortMatches: true })
    expect(await plan({ statuses: ['shipped'], profile: 'Rare Profile' }, 'order_date')).toEqual({ unindexed: ['status'], sortMatches: true })
    expect(await plan({ to: '2026-05-01T00:00:00.000Z' }, 'total')).toEqual({ unindexed: [], sortMatches: true })
  })

  it('sorts the matches of common filters that few orders hold together', async () => {
    expect((await plan({ statuses: ['shipped'], store: 'Target' }, 'total')).sortMatches).toBe(true)
    expect(await plan({ statuses: ['shipped'], store: 'Nike' }, 'total')).toEqual({ unindexed: ['status', 'store'], sortMatches: false })
  })
})
