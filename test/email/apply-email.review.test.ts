import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyEmail } from '../../src/email/apply-email.ts'
import { rerunEmail } from '../../src/email/rerun-email.ts'
import { RETAILER_RULES, type RetailerRule } from '../../src/email/retailers/index.ts'
import { findEmail, rawOf } from '../../src/store/email-message-repository.ts'
import { openTestStore, type TestStore, testDatabases } from '../helpers/test-database.ts'
import { emailDeps, fixture, orderState } from './support/order-state.ts'

const api = { via: 'api' } as const

// A retailer the built-in rules do not know: its subject says nothing generic and its order number has no label.
const CARDTOPIA = Buffer.from([
  'From: Cardtopia <orders@mail.cardtopia.example>',
  'To: bot7@reseller.example',
  'Subject: Your cards are in the mail',
  'Date: Mon, 03 Mar 2025 14:05:00 +0000',
  'Message-ID: <ct-1@mail.cardtopia.example>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hi Sam, CT-0012345 left our warehouse today.',
  ''
].join('\r\n'))

const cardtopia: RetailerRule = {
  id: 'cardtopia',
  name: 'Cardtopia',
  senders: [{ domain: 'cardtopia.example' }],
  subjects: { shipping: [/\byour cards are in the mail\b/i] },
  orderNumbers: [/\b(CT-\d{7})\b/]
}

for (const kind of testDatabases()) {
  describe(`emails kept for review (${kind})`, () => {
    let t: TestStore
    beforeEach(async () => { t = await openTestStore(kind) })
    afterEach(async () => { await t.cleanup() })

    it('keeps an email no rule can read, with its problems and its bytes, and touches no order', async () => {
      const raw = fixture('generic-newsletter-unmatched')
      const result = await applyEmail(emailDeps(t.store), raw, { via: 'imap', mailbox: 'imap.example/bot/INBOX', uid: 7 })
      expect(result).toMatchObject({ status: 'unmatched', orderId: null, orderNumber: null })
      expect(result.problems).toContain('no order number found')
      const stored = await findEmail(t.store.db, result.emailId)
      expect(stored).toMatchObject({ status: 'unmatched', mailbox: 'imap.example/bot/INBOX', uid: 7, via: 'imap' })
      expect(stored === undefined ? null : rawOf(stored)).toEqual(raw)
      expect(await t.store.db.kysely.selectFrom('orders').select('id').execute()).toEqual([])
    })

    it('applies a kept email when it is re-run after its retailer\'s rule was added', async () => {
      const kept = await applyEmail(emailDeps(t.store), CARDTOPIA, api)
      expect(kept.status).toBe('unmatched')
      const rerun = await rerunEmail(emailDeps(t.store, { rules: [...RETAILER_RULES, cardtopia] }), kept.emailId)
      expect(rerun).toMatchObject({ emailId: kept.emailId, status: 'applied', action: 'created', retailer: 'cardtopia', kind: 'shipping', orderNumber: 'CT-0012345', problems: [] })
      expect((await orderState(t.store, 'CT-0012345'))?.values).toMatchObject({ status: 'shipped', store: 'Cardtopia' })
      expect(await findEmail(t.store.db, kept.emailId)).toMatchObject({ status: 'applied', orderId: rerun.orderId })
    })

    it('refuses to re-run an email that was applied, and answers not found for an unknown id', async () => {
      const applied = await applyEmail(emailDeps(t.store), fixture('gamestop-shipping'), api)
      await expect(rerunEmail(emailDeps(t.store), applied.emailId)).rejects.toMatchObject({ code: 'EMAIL_ALREADY_APPLIED' })
      await expect(rerunEmail(emailDeps(t.store), 9999)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    })

    it('keeps a message without a Message-ID once, by its bytes', async () => {
      const raw = Buffer.from(CARDTOPIA.toString('utf8').replace(/^Message-ID:.*\r\n/m, ''))
      const first = await applyEmail(emailDeps(t.store), raw, api)
      expect(await applyEmail(emailDeps(t.store), raw, api)).toMatchObject({ status: 'duplicate', emailId: first.emailId })
    })

    it('keeps bytes that are not UTF-8 exactly', async () => {
      const raw = Buffer.concat([CARDTOPIA, Buffer.from([0xff, 0xfe, 0x00, 0x41])])
      const result = await applyEmail(emailDeps(t.store), raw, api)
      const stored = await findEmail(t.store.db, result.emailId)
      expect(stored?.rawEncoding).toBe('base64')
      expect(stored === undefined ? null : rawOf(stored)).toEqual(raw)
    })
  })
}
