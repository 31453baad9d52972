import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eraseCustomer } from '../../src/store/erase-customer.ts'
import { applyOrderFilter, listOrders } from '../../src/store/order-query-repository.ts'
import { findSearchMatches } from '../../src/store/order-search.ts'
import { foldOrders } from '../helpers/fold-orders.ts'
import { seedOrders, type SeedOrder } from '../helpers/seed-orders.ts'
import { openTestStore, testDatabases, type TestStore } from '../helpers/test-database.ts'

const AT = new Date('2026-11-01T10:00:00.000Z')
const PAGE = { sort: 'created_at', descending: true, limit: 500 } as const

const ORDERS: SeedOrder[] = [
  { orderNumber: 'S-1', at: AT, fields: { product: 'Nike Dunk Low Panda', email: 'ann.lee@example.com', customerName: 'Ann Lee' } },
  { orderNumber: 'S-2', at: AT, fields: { product: 'Yeezy Slide Onyx', trackingNumber: '1Z999AA10123456784', referenceNumber: 'REF_50%OFF' } },
  { orderNumber: 'S-3', at: AT, fields: { product: 'PS5 Slim', email: 'Bob@Example.com' }, trackings: [{ number: '9400111899223100000000', carrier: 'USPS' }] },
  { orderNumber: 'S-4', at: AT, fields: { product: 'Back\\slash "quoted" Tee', customerName: 'Zoë Brontë' } },
  { orderNumber: 'S-5', at: AT, fields: { product: 'Pokemon 151 Booster Box', referenceNumber: 'A_B-C' } }
]

const TERMS = [
  'dunk', 'DUNK LOW', 'ann lee', 'example.com', 'bob@example', '1z999', '99AA1', '94001118992231', 's-4', 'S-',
  '50%OFF', '%', '_', 'R_F', 'A_B', 'h "quo', '"', 'back\\sl', '\\', 'zoë', 'ZOË', 'brontë', 'nothing here', 'xyz',
  'oo', 'Po', 'a', '151'
]

for (const kind of testDatabases()) {
  describe(`orders search (${kind})`, () => {
    let t: TestStore
    beforeEach(async () => {
      t = await openTestStore(kind)
      await seedOrders(t.store, ORDERS)
    })
    afterEach(async () => { await t.cleanup() })

    /** Through the trigram index where it can help, as the orders list searches. */
    const found = async (term: string): Promise<string[]> =>
      (await listOrders(t.store.db, { search: term }, PAGE)).map((order) => order.orderNumber).sort()
    /** What the search means: the substring match over every order, without any index. */
    const scanned = async (term: string): Promise<string[]> =>
      (await applyOrderFilter(t.store.db, t.store.db.kysely.selectFrom('orders').select('order_number'), { search: term }).execute())
        .map((row) => row.order_number).sort()

    it('finds what a scan of every order finds, for terms with capitals, % _ \\ " and letters beyond ASCII', async () => {
      for (const folded of [false, true]) {
        if (folded) await foldOrders(t.store)
        for (const term of TERMS) expect(await found(term), `${term} (folded: ${String(folded)})`).toEqual(await scanned(term))
      }
      expect(await found('dunk')).toEqual(['S-1'])
      expect(await found('50%OFF')).toEqual(['S-2'])
      expect(await found('R_F')).toEqual([])
    })

    it('ignores the case of every letter, not only ASCII ones, before and after the index is brought up to date', async () => {
      await seedOrders(t.store, [
        { orderNumber: 'S-6', at: AT, fields: { product: 'Ünïcödé Tee', customerName: 'Zoë Ørsted' } },
        { orderNumber: 'S-7', at: AT, fields: { product: 'Café Crème', email: 'élodie@example.fr' } }
      ])
      for (const folded of [false, true]) {
        if (folded) await foldOrders(t.store)
        expect(await found('ZOË'), String(folded)).toEqual(['S-4', 'S-6'])
        expect(await found('ZOË ØRSTED'), String(folded)).toEqual(['S-6'])
        expect(await found('ÜNÏCÖDÉ'), String(folded)).toEqual(['S-6'])
        expect(await found('ünïcödé tee'), String(folded)).toEqual(['S-6'])
        expect(await found('É'), String(folded)).toEqual(['S-6', 'S-7'])
        expect(await found('CAFÉ CRÈME'), String(folded)).toEqual(['S-7'])
        expect(await found('ÉLODIE@'), String(folded)).toEqual(['S-7'])
        expect(await scanned('Ø'), String(folded)).toEqual(['S-6'])
      }
    })

    it('answers a term of three characters or more from the index, a shorter one from the scan', async () => {
      await foldOrders(t.store)
      expect(await findSearchMatches(t.store.db, 'dunk')).toEqual([1])
      expect(await findSearchMatches(t.store.db, 'nothing here')).toEqual([])
      expect(await findSearchMatches(t.store.db, 'oo')).toBeUndefined()
    })

    it('finds an order stored after the index was brought up to date, before and after the next time', async () => {
      await foldOrders(t.store)
      await seedOrders(t.store, [{ orderNumber: 'S-6', at: AT, fields: { product: 'Jordan 4 Retro Bred' } }])
      expect(await found('retro bred')).toEqual(['S-6'])
      await foldOrders(t.store)
      expect(await found('retro bred')).toEqual(['S-6'])
    })

    it('follows a change of a searched field: the new value matches and the old one no longer does', async () => {
      await foldOrders(t.store)
      await seedOrders(t.store, [{ orderNumber: 'S-1', at: AT, fields: { product: 'Travis Scott Jordan 1' } }])
      for (const folded of [false, true]) {
        if (folded) await foldOrders(t.store)
        expect(await found('travis scott')).toEqual(['S-1'])
        expect(await found('panda')).toEqual([])
      }
    })

    it('finds an order by a tracking number added to it later', async () => {
      await foldOrders(t.store)
      await seedOrders(t.store, [{ orderNumber: 'S-5', at: AT, fields: {}, trackings: [{ number: 'TBA304958271000', carrier: null }] }])
      for (const folded of [false, true]) {
        if (folded) await foldOrders(t.store)
        expect(await found('4958271')).toEqual(['S-5'])
      }
    })

    it("no longer finds an erased customer's email or name", async () => {
      await foldOrders(t.store)
      const report = await eraseCustomer(t.store, 'ann.lee@example.com', AT)
      expect(report.orders).toBe(1)
      for (const folded of [false, true]) {
        if (folded) await foldOrders(t.store)
        expect(await found('ann.lee')).toEqual([])
        expect(await found('ann lee')).toEqual([])
        expect(await found('panda')).toEqual(['S-1'])
      }
    })
  })
}
