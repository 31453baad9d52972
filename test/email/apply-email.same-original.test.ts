import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyEmail } from '../../src/email/apply-email.ts'
import { rerunEmail } from '../../src/email/rerun-email.ts'
import { applyPatch } from '../../src/orders/apply-patch.ts'
import { normalizePatch } from '../../src/orders/normalize-patch.ts'
import { openTestStore, type TestStore, testDatabases } from '../helpers/test-database.ts'
import { FIXTURES_DIR } from './support/fixture-path.ts'
import { emailDeps, orderState } from './support/order-state.ts'

const imap = { via: 'imap' } as const
const handWritten = (name: string): Buffer => readFileSync(`${FIXTURES_DIR}hand-written/${name}.eml`)
const DIRECT = handWritten('nike-partial-cancellation-direct')
const FORWARD = handWritten('gmail-forward-nike-partial-cancellation')

/** The Gmail forward with its quoted date and Message-ID changed. */
function forwardAt (quotedDate: string, messageId: string): Buffer {
  return Buffer.from(FORWARD.toString('utf8')
    .replace('Date: Sat, Nov 28, 2026 at 9:00 AM', `Date: ${quotedDate}`)
    .replace(/^Message-ID:.*$/m, `Message-ID: ${messageId}`))
}

for (const kind of testDatabases()) {
  describe(`another copy of an email already applied (${kind})`, () => {
    let t: TestStore
    beforeEach(async () => {
      t = await openTestStore(kind)
      const patch = normalizePatch({ orderNumber: 'C05555555555', fields: { quantity: 3 }, items: [{ title: 'Air Jordan 1 Retro High OG', variant: '10', quantity: 3 }] })
      await t.store.writer.write(async (db) => await applyPatch(db, patch, { source: 'test', deliveryId: null, now: new Date() }))
    })
    afterEach(async () => { await t.cleanup() })

    it('answers duplicate for a Gmail forward of a partial cancellation already applied, and lowers the quantity once', async () => {
      const first = await applyEmail(emailDeps(t.store), DIRECT, imap)
      expect(first.status).toBe('applied')
      expect(await applyEmail(emailDeps(t.store), FORWARD, imap)).toMatchObject({ status: 'duplicate', emailId: first.emailId })
      expect((await orderState(t.store, 'C05555555555'))?.values.quantity).toBe(2)
    })

    it('answers duplicate for an email forwarded as an attachment after the original was applied', async () => {
      const original = readFileSync(`${FIXTURES_DIR}nike-shipping-click-tracking.eml`)
      const first = await applyEmail(emailDeps(t.store), original, imap)
      expect(first.status).toBe('applied')
      const attached = await applyEmail(emailDeps(t.store), handWritten('outlook-forward-as-attachment-nike-shipping'), imap)
      expect(attached).toMatchObject({ status: 'duplicate', emailId: first.emailId })
    })

    it('knows the copy when the forward quotes the date in the forwarder\'s time zone', async () => {
      await applyEmail(emailDeps(t.store), DIRECT, imap)
      const copy = await applyEmail(emailDeps(t.store), forwardAt('Sat, Nov 28, 2026 at 4:00 AM', '<fwd-new-york@gmail.com>'), imap)
      expect(copy.status).toBe('duplicate')
      expect((await orderState(t.store, 'C05555555555'))?.values.quantity).toBe(2)
    })

    it('applies the same text sent again on another day: a second cancellation of the same item', async () => {
      await applyEmail(emailDeps(t.store), DIRECT, imap)
      const later = await applyEmail(emailDeps(t.store), forwardAt('Tue, Dec 1, 2026 at 9:00 AM', '<fwd-later@gmail.com>'), imap)
      expect(later.status).toBe('applied')
      expect((await orderState(t.store, 'C05555555555'))?.values.quantity).toBe(1)
    })

    it('does not apply a kept copy on re-run once the other copy was applied', async () => {
      await t.store.writer.write(async (db) => { await db.kysely.deleteFrom('order_items').execute() })
      const kept = await applyEmail(emailDeps(t.store), FORWARD, imap)
      expect(kept.status).toBe('unmatched')
      const patch = normalizePatch({ orderNumber: 'C05555555555', fields: {}, items: [{ title: 'Air Jordan 1 Retro High OG', variant: '10', quantity: 3 }] })
      await t.store.writer.write(async (db) => await applyPatch(db, patch, { source: 'test', deliveryId: null, now: new Date() }))
      const direct = await applyEmail(emailDeps(t.store), DIRECT, imap)
      expect(direct.status).toBe('applied')
      expect(await rerunEmail(emailDeps(t.store), kept.emailId)).toMatchObject({
        status: 'unmatched', problems: [`the same email as email ${direct.emailId}, which was applied already`]
      })
      expect((await orderState(t.store, 'C05555555555'))?.values.quantity).toBe(2)
    })
  })
}
