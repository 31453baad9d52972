import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyEmail } from '../../src/email/apply-email.ts'
import { rerunEmail } from '../../src/email/rerun-email.ts'
import { applyPatch } from '../../src/orders/apply-patch.ts'
import { normalizePatch } from '../../src/orders/normalize-patch.ts'
import { openTestStore, type TestStore, testDatabases } from '../helpers/test-database.ts'
import { emailDeps, fixture, orderState } from './support/order-state.ts'

const api = { via: 'api' } as const

for (const kind of testDatabases()) {
  describe(`partial cancellations (${kind})`, () => {
    let t: TestStore
    beforeEach(async () => { t = await openTestStore(kind) })
    afterEach(async () => { await t.cleanup() })

    const seed = async (orderNumber: string, items: Array<{ title: string, variant: string | null, quantity: number }>, fields: Record<string, unknown> = {}) => {
      await t.store.writer.write(async (db) => await applyPatch(db, normalizePatch({ orderNumber, fields, items }), { source: 'test', deliveryId: null, now: new Date() }))
    }

    it('lowers the cancelled item of the right size and the order quantity, and keeps the status', async () => {
      await seed('C01928374651', [
        { title: 'Nike Air Force 1 \'07', variant: '10', quantity: 1 },
        { title: 'Nike Air Force 1 \'07', variant: '9', quantity: 2 },
        { title: 'Nike Dunk Low', variant: '9', quantity: 1 }
      ], { status: 'processing', quantity: 4 })
      const result = await applyEmail(emailDeps(t.store), fixture('nike-partial-cancellation'), api)
      expect(result).toMatchObject({ status: 'applied', action: 'updated', kind: 'partial-cancellation' })
      const order = await orderState(t.store, 'C01928374651')
      expect(order?.items.map((i) => [i.title, i.variant, i.quantity])).toEqual([
        ['Nike Air Force 1 \'07', '10', 1],
        ['Nike Air Force 1 \'07', '9', 1],
        ['Nike Dunk Low', '9', 1]
      ])
      expect(order?.values).toMatchObject({ quantity: 3, status: 'processing' })
    })

    it('lowers an item to zero and keeps it listed', async () => {
      await seed('P7300012345681', [{ title: 'New Balance 550 - Men\'s', variant: '10.0', quantity: 2 }])
      await applyEmail(emailDeps(t.store), fixture('foot-locker-partial-cancellation'), api)
      const order = await orderState(t.store, 'P7300012345681')
      expect(order?.items.map((i) => i.quantity)).toEqual([0])
      expect(order?.values.quantity).toBe(0)
    })

    it('keeps the email for review when the cancelled item is not among the order\'s items, and applies it on re-run once it is', async () => {
      await applyEmail(emailDeps(t.store), fixture('walmart-confirmation'), api)
      const kept = await applyEmail(emailDeps(t.store), fixture('walmart-partial-cancellation'), api)
      expect(kept.status).toBe('unmatched')
      expect(kept.problems).toEqual(['the cancelled item "Nintendo Switch 2 Pro Controller" is not among the order\'s items'])
      expect((await orderState(t.store, '2000123-45678901'))?.values.quantity).toBe(1)

      await seed('2000123-45678901', [
        { title: 'Nintendo Switch 2 Console', variant: null, quantity: 1 },
        { title: 'Nintendo Switch 2 Pro Controller', variant: null, quantity: 1 }
      ], { quantity: 2 })
      expect(await rerunEmail(emailDeps(t.store), kept.emailId)).toMatchObject({ status: 'applied', action: 'updated' })
      const order = await orderState(t.store, '2000123-45678901')
      expect(order?.items.map((i) => i.quantity)).toEqual([1, 0])
      expect(order?.values.quantity).toBe(1)
    })

    it('keeps a partial cancellation of an order ROMS does not know yet, rather than creating an empty order', async () => {
      const kept = await applyEmail(emailDeps(t.store), fixture('amazon-item-cancelled'), api)
      expect(kept.status).toBe('unmatched')
      expect(await orderState(t.store, '114-3941689-8772232')).toBeUndefined()
    })
  })
}
