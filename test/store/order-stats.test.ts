import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eraseCustomer } from '../../src/store/erase-customer.ts'
import { computeOrderStats, type OrderStats, type StatsRange } from '../../src/store/order-stats-repository.ts'
import { foldOrders } from '../helpers/fold-orders.ts'
import { seedOrders, type SeedOrder } from '../helpers/seed-orders.ts'
import { openTestStore, testDatabases, type TestStore } from '../helpers/test-database.ts'

const DAY = 86_400_000
const START = Date.parse('2026-11-01T00:00:00.000Z')
const STATUSES = ['pending', 'shipped', 'cancelled', 'refunded', 'delivered', 'failed']
const STORES = ['Nike', 'Target', 'Walmart', undefined]
const PROFILES = ['p1', 'p2', undefined]
const PROXIES = ['resi', 'isp', 'dc', undefined]
const VOID = new Set(['cancelled', 'refunded', 'failed'])

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random (seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6D2B79F5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Row { status: string, total: string | null, price: string | null, quantity: number | null, commission: string | null, store: string | null, profile: string | null, proxy: string | null, createdAt: string }

/** The stats of a range computed in the test from every order, independently of the repository's SQL. */
function expected (rows: Row[], range: StatsRange): Omit<OrderStats, 'byStatus' | 'byStore' | 'byProfile' | 'byProxyList'> & Record<string, unknown> {
  const inRange = rows.filter((r) => (range.from === undefined || r.createdAt >= range.from) && (range.to === undefined || r.createdAt < range.to))
  const cents = (money: string | null, status: string): bigint => money === null || VOID.has(status) ? 0n : BigInt(Math.round(Number(money) * 100))
  // Spend: the total, else the price times the quantity (1 when not sent).
  const spent = (r: Row): bigint => r.total !== null || r.price === null ? cents(r.total, r.status) : cents(r.price, r.status) * BigInt(r.quantity ?? 1)
  const byKey = (key: (r: Row) => string | null): Array<[string | null, { checkouts: number, spendCents: bigint, cancellations: number }]> => {
    const groups = new Map<string | null, { checkouts: number, spendCents: bigint, cancellations: number }>()
    for (const r of inRange) {
      const g = groups.get(key(r)) ?? { checkouts: 0, spendCents: 0n, cancellations: 0 }
      groups.set(key(r), { checkouts: g.checkouts + 1, spendCents: g.spendCents + spent(r), cancellations: g.cancellations + (r.status === 'cancelled' ? 1 : 0) })
    }
    return [...groups].sort((a, b) => String(a[0]).localeCompare(String(b[0])))
  }
  const days = new Map<string, { orders: number, spendCents: bigint }>()
  for (const r of inRange) {
    const d = days.get(r.createdAt.slice(0, 10)) ?? { orders: 0, spendCents: 0n }
    days.set(r.createdAt.slice(0, 10), { orders: d.orders + 1, spendCents: d.spendCents + spent(r) })
  }
  return {
    orders: inRange.length,
    spendCents: inRange.reduce((sum, r) => sum + spent(r), 0n),
    commissionCents: inRange.reduce((sum, r) => sum + cents(r.commission, r.status), 0n),
    perDay: [...days].sort((a, b) => a[0].localeCompare(b[0])).map(([day, d]) => ({ day, ...d })),
    statuses: byKey((r) => r.status).map(([key, g]) => [key, g.checkouts]),
    stores: byKey((r) => r.store),
    profiles: byKey((r) => r.profile),
    proxies: byKey((r) => r.proxy)
  }
}

/** The repository's answer in the same shape (groups by key: the order of equal counts is the database's). */
function actual (stats: OrderStats): Record<string, unknown> {
  const groups = (list: OrderStats['byStore']): unknown[] => list.map((g) => [g.key, { checkouts: g.checkouts, spendCents: g.spendCents, cancellations: g.cancellations }])
    .sort((a, b) => String((a as unknown[])[0]).localeCompare(String((b as unknown[])[0])))
  return {
    orders: stats.orders,
    spendCents: stats.spendCents,
    commissionCents: stats.commissionCents,
    perDay: stats.perDay,
    statuses: stats.byStatus.map((s) => [s.status, s.count]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    stores: groups(stats.byStore),
    profiles: groups(stats.byProfile),
    proxies: groups(stats.byProxyList)
  }
}

for (const kind of testDatabases()) {
  describe(`order stats over changing orders (${kind})`, () => {
    let t: TestStore
    beforeAll(async () => { t = await openTestStore(kind) })
    afterAll(async () => { await t.cleanup() })

    const rows = async (): Promise<Row[]> => (await t.store.db.kysely.selectFrom('orders')
      .select(['status', 'total', 'price', 'quantity', 'commission', 'store', 'profile', 'proxy_list', 'created_at']).execute())
      .map((r) => ({ status: r.status, total: r.total === null ? null : String(r.total), price: r.price === null ? null : String(r.price), quantity: r.quantity, commission: r.commission === null ? null : String(r.commission), store: r.store, profile: r.profile, proxy: r.proxy_list, createdAt: r.created_at }))

    const RANGES: StatsRange[] = [
      {},
      { from: '2026-11-02T00:00:00.000Z', to: '2026-11-04T00:00:00.000Z' },
      { from: '2026-11-01T09:30:00.000Z', to: '2026-11-03T17:45:00.000Z' },
      { from: '2026-11-02T03:00:00.000Z', to: '2026-11-02T20:00:00.000Z' },
      { from: '2026-11-03T00:00:00.000Z' },
      { to: '2026-11-02T12:00:00.000Z' },
      { from: '2026-11-02', to: '2026-11-04' },
      { from: '2030-01-01T00:00:00.000Z' }
    ]

    it('sums exactly what the orders hold, whatever has been folded, as orders arrive, change and are erased', async () => {
      const next = random(7)
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
      const money = (): string | undefined => next() < 0.15 ? undefined : (next() * 500).toFixed(2)
      const quantity = (): number | undefined => next() < 0.5 ? undefined : 1 + Math.floor(next() * 3)
      const newOrder = (n: number): SeedOrder => ({
        orderNumber: `ST-${n}`,
        at: new Date(START + Math.floor(next() * 5 * DAY)),
        fields: { status: pick(STATUSES), total: next() < 0.4 ? undefined : money(), price: money(), quantity: quantity(), commission: next() < 0.5 ? money() : undefined, store: pick(STORES), profile: pick(PROFILES), proxyList: pick(PROXIES), email: `buyer${n % 7}@example.com` }
      })
      let created = 0
      for (let round = 0; round < 6; round++) {
        await seedOrders(t.store, Array.from({ length: 40 }, () => newOrder(created++)))
        if (round % 2 === 1) await foldOrders(t.store)
        // Changes to orders both folded and not: status, money, keys (a field left out keeps its value).
        await seedOrders(t.store, Array.from({ length: 25 }, () => ({
          orderNumber: `ST-${Math.floor(next() * created)}`,
          at: new Date(START),
          fields: { status: pick(STATUSES), total: next() < 0.5 ? undefined : money(), price: next() < 0.5 ? money() : undefined, quantity: quantity(), store: next() < 0.5 ? pick(STORES) : undefined, proxyList: next() < 0.3 ? pick(PROXIES) : undefined }
        })))
        if (round === 3) await eraseCustomer(t.store, 'buyer3@example.com', new Date(START))
        const all = await rows()
        for (const range of RANGES) {
          expect(actual(await computeOrderStats(t.store.db, range)), `round ${round}, ${JSON.stringify(range)}`).toEqual(expected(all, range))
        }
      }
    })
  })
}
