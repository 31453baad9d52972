import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyEmail } from '../../src/email/apply-email.ts'
import { applyPatch } from '../../src/orders/apply-patch.ts'
import { normalizePatch } from '../../src/orders/normalize-patch.ts'
import { openTestStore, type TestStore, testDatabases } from '../helpers/test-database.ts'
import { emailDeps, fixture, orderState } from './support/order-state.ts'

const api = { via: 'api' } as const

for (const kind of testDatabases()) {
  describe(`applying retailer emails to orders (${kind})`, () => {
    let t: TestStore
    beforeEach(async () => { t = await openTestStore(kind) })
    afterEach(async () => { await t.cleanup() })

    const apply = async (name: string) => await applyEmail(emailDeps(t.store), fixture(name), api)

    it('creates an unknown order from its confirmation, with its items and the source email', async () => {
      const result = await apply('nike-confirmation')
      expect(result).toMatchObject({ status: 'applied', action: 'created', retailer: 'nike', kind: 'order-confirmation', orderNumber: 'C01928374650', problems: [] })
      const order = await orderState(t.store, 'C01928374650')
      expect(order?.values).toMatchObject({ product: 'Nike Dunk Low Retro', size: '10.5', quantity: 1, store: 'Nike', status: 'pending' })
      expect(order?.items).toEqual([expect.objectContaining({ title: 'Nike Dunk Low Retro', variant: '10.5', quantity: 1 })])
      const event = await t.store.db.kysely.selectFrom('order_events').select(['source', 'event_type']).where('order_id', '=', result.orderId ?? 0).executeTakeFirst()
      expect(event).toEqual({ source: 'email', event_type: 'created' })
    })

    it('adds the tracking number and sets shipped, then delivered', async () => {
      await apply('nike-confirmation')
      expect(await apply('nike-shipping-click-tracking')).toMatchObject({ status: 'applied', action: 'updated' })
      const shipped = await orderState(t.store, 'C01928374650')
      expect(shipped?.values.status).toBe('shipped')
      expect(shipped?.trackings).toHaveLength(1)
      expect(shipped?.values.trackingNumber).toBe(shipped?.trackings[0]?.number)
      await apply('nike-delivered')
      expect((await orderState(t.store, 'C01928374650'))?.values.status).toBe('delivered')
    })

    it('on an order a bot posted, changes only the status and tracking and keeps the bot\'s product, size, store and items', async () => {
      const bot = normalizePatch({
        orderNumber: 'C01928374650',
        fields: { product: 'Nike Dunk Low Retro \'Panda\'', size: 'US 10.5', store: 'Nike US', price: '115.00', status: 'verified' },
        items: [{ title: 'Nike Dunk Low Retro \'Panda\'', variant: 'US 10.5', quantity: 1, unitPrice: '115.00' }]
      })
      await t.store.writer.write(async (db) => await applyPatch(db, bot, { source: 'discord', deliveryId: null, now: new Date() }))
      const before = await orderState(t.store, 'C01928374650')
      expect(await apply('nike-shipping-click-tracking')).toMatchObject({ status: 'applied', action: 'updated' })
      const after = await orderState(t.store, 'C01928374650')
      expect(after?.values).toMatchObject({
        product: 'Nike Dunk Low Retro \'Panda\'', size: 'US 10.5', store: 'Nike US', price: '115.00', status: 'shipped', carrier: 'UPS', sku: 'DD1391-100'
      })
      expect(after?.items).toEqual(before?.items)
      expect(after?.trackings).toHaveLength(1)
    })

    it('fills in what a known order lacks from a shipping email', async () => {
      await t.store.writer.write(async (db) => await applyPatch(db, normalizePatch({
        orderNumber: 'C01928374650', fields: { status: 'verified', profile: 'AMEX 2' }
      }), { source: 'discord', deliveryId: null, now: new Date() }))
      await apply('nike-shipping-click-tracking')
      const order = await orderState(t.store, 'C01928374650')
      expect(order?.values).toMatchObject({ product: 'Nike Dunk Low Retro', store: 'Nike', profile: 'AMEX 2', status: 'shipped' })
      expect(order?.items).toEqual([expect.objectContaining({ title: 'Nike Dunk Low Retro' })])
    })

    it('creates the order from a shipping email when the confirmation was never read', async () => {
      expect(await apply('best-buy-shipping-ups')).toMatchObject({ status: 'applied', action: 'created' })
      const order = await orderState(t.store, 'BBY01-806512349876')
      expect(order?.values.status).toBe('shipped')
      expect(order?.trackings[0]?.carrier).toBe('UPS')
    })

    it('sets cancelled whatever the status was', async () => {
      await t.store.writer.write(async (db) => await applyPatch(db, normalizePatch({
        orderNumber: '912003456789013', fields: { status: 'shipped', product: 'Booster Bundle' }
      }), { source: 'test', deliveryId: null, now: new Date() }))
      expect(await apply('target-cancellation')).toMatchObject({ status: 'applied', action: 'updated', kind: 'cancellation' })
      expect((await orderState(t.store, '912003456789013'))?.values).toMatchObject({ status: 'cancelled', product: 'Booster Bundle' })
    })

    it('leaves the items and quantity a checkout stored alone when a shipping email lists the items without them', async () => {
      await t.store.writer.write(async (db) => await applyPatch(db, normalizePatch({
        orderNumber: 'C01928374650',
        fields: { product: 'Nike Dunk Low Retro', size: '10.5', sku: 'DD1391-100', price: '115.00', quantity: 2 },
        items: [{ title: 'Nike Dunk Low Retro', variant: '10.5', sku: 'DD1391-100', quantity: 2, unitPrice: '115.00' }]
      }), { source: 'generic', deliveryId: null, now: new Date() }))
      // The shipping notice lists "Nike Dunk Low Retro, Size: 10.5" with no quantity and no price.
      const shipping = Buffer.from(fixture('nike-shipping-click-tracking').toString('utf8').replace(/^Qty: 1\r?\n|^Price: \$115\.00\r?\n/gm, '')
        .replace('<br>Qty: 1</td><td>$115.00</td>', '</td>'))
      expect(await applyEmail(emailDeps(t.store), shipping, api)).toMatchObject({ status: 'applied', action: 'updated', kind: 'shipping' })
      const order = await orderState(t.store, 'C01928374650')
      expect(order?.values).toMatchObject({ status: 'shipped', quantity: 2, price: '115.00', sku: 'DD1391-100' })
      expect(order?.items).toEqual([expect.objectContaining({ title: 'Nike Dunk Low Retro', variant: '10.5', sku: 'DD1391-100', quantity: 2, unitPrice: '115.00' })])
    })

    it('is not made stale by a platform update newer than the email, and leaves the platform\'s own mark alone', async () => {
      // Shopify's updated_at is after the email's Date header (2025-03-03T14:05:00Z).
      await t.store.writer.write(async (db) => await applyPatch(db, normalizePatch({
        orderNumber: '1042', fields: { status: 'processing' }, sourceUpdatedAt: '2025-03-05T00:00:00Z'
      }), { source: 'shopify', deliveryId: null, now: new Date() }))
      expect(await apply('shopify-shipment-on-the-way')).toMatchObject({ status: 'applied', action: 'updated' })
      const order = await orderState(t.store, '1042')
      expect(order?.values.status).toBe('shipped')
      expect(order?.trackings).toHaveLength(1)
      const row = await t.store.db.kysely.selectFrom('orders').select('source_updated_at').where('order_number', '=', '1042').executeTakeFirst()
      expect(row?.source_updated_at).toBe('2025-03-05T00:00:00.000Z')
    })

    it('keeps the newer status when an older email is read after a newer one, and still adds its tracking number', async () => {
      await apply('nike-delivered')
      const late = Buffer.from(fixture('nike-shipping-click-tracking').toString('utf8').replace(/^Date:.*$/m, 'Date: Sun, 02 Mar 2025 09:00:00 +0000'))
      expect(await applyEmail(emailDeps(t.store), late, api)).toMatchObject({ status: 'applied', action: 'updated' })
      const order = await orderState(t.store, 'C01928374650')
      expect(order?.values.status).toBe('delivered')
      expect(order?.trackings).toHaveLength(1)
    })

    it('applies an email once: the same Message-ID again is a duplicate and writes nothing', async () => {
      const first = await apply('hibbett-shipping-text-only')
      const before = await orderState(t.store, 'HB100234567')
      const again = await apply('hibbett-shipping-text-only')
      expect(again).toMatchObject({ status: 'duplicate', emailId: first.emailId, orderId: first.orderId })
      expect(await orderState(t.store, 'HB100234567')).toEqual(before)
      const rows = await t.store.db.kysely.selectFrom('email_messages').select('id').execute()
      expect(rows).toHaveLength(1)
    })

    it('applies emails posted at the same moment once each', async () => {
      const results = await Promise.all([apply('supreme-confirmation'), apply('supreme-confirmation'), apply('supreme-shipping')])
      expect(results.map((r) => r.status).sort()).toEqual(['applied', 'applied', 'duplicate'])
      expect((await orderState(t.store, '1587342'))?.events).toBe(2)
    })
  })
}
