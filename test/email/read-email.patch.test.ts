import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readEmail } from '../../src/email/read-email.ts'
import { normalizePatch } from '../../src/orders/normalize-patch.ts'
import { EMAIL_CASES } from './cases/index.ts'
import { renderCase } from './support/email-case.ts'
import { fixturePath } from './support/fixture-path.ts'

const read = async (name: string) => await readEmail(readFileSync(fixturePath(name)))

describe('the patch of an email', () => {
  it('dates a confirmation\'s order with the message date and lists its items', async () => {
    const { patch } = await read('nike-confirmation')
    expect(patch?.fields.orderDate).toBe('2025-03-03T14:05:00.000Z')
    expect(patch?.sourceUpdatedAt).toBe('2025-03-03T14:05:00.000Z')
    expect(patch?.items).toEqual([{ title: 'Nike Dunk Low Retro', variant: '10.5', sku: 'DD1391-100', quantity: 1, unitPrice: '$115.00' }])
    expect(patch?.extra).toEqual({
      email_kind: 'order-confirmation',
      retailer: 'nike',
      email_subject: 'Thanks for Your Order',
      message_id: '<nike-confirmation.20250303140500@mail.roms-fixtures.example>'
    })
  })

  it('sets no order date on a shipping email', async () => {
    expect((await read('nike-shipping-click-tracking')).patch?.fields.orderDate).toBeUndefined()
  })

  it('does not replace the order\'s items with the part a partial shipment or cancellation lists', async () => {
    expect((await read('target-partial-shipping')).patch?.items).toBeUndefined()
    expect((await read('walmart-partial-cancellation')).patch?.items).toBeUndefined()
  })

  it('takes a forward\'s recipient and dates from the quoted original, not the forwarder', async () => {
    const reading = await read('gmail-forward-nike-shipping')
    expect(reading.from).toBe('nike@official.nike.com')
    expect(reading.subject).toBe('Your Order Has Shipped')
    expect(reading.date).toBe('2025-03-03T14:05:00.000Z')
    expect(reading.patch?.fields.email).toBe('kicks.bot.04@example.com')
  })

  it('normalises cleanly for every fixture', async () => {
    for (const emailCase of EMAIL_CASES) {
      const { patch } = await read(emailCase.name)
      if (patch !== undefined) expect(() => normalizePatch(patch), emailCase.name).not.toThrow()
    }
  })

  it('ignores an order number inside a <script> block', async () => {
    expect((await read('shopify-delivered')).patch?.orderNumber).toBe('1042')
  })
})

describe('the fixture files', () => {
  it('are the rendering of their cases (run support/write-fixtures.ts after changing a case)', () => {
    for (const emailCase of EMAIL_CASES) expect(readFileSync(fixturePath(emailCase.name), 'utf8'), emailCase.name).toBe(renderCase(emailCase))
  })

  it('are well-formed RFC 822 messages with a Message-ID and a Date', async () => {
    for (const emailCase of EMAIL_CASES) {
      const reading = await read(emailCase.name)
      expect(reading.messageId, emailCase.name).toMatch(/^<.+@.+>$/)
      expect(reading.date, emailCase.name).not.toBeNull()
    }
  })
})

describe('an email that cannot be read', () => {
  it('says why when it has no order number', async () => {
    const raw = Buffer.from('From: Someone <a@shop.example>\r\nTo: b@example.com\r\nSubject: Your order has shipped\r\nDate: Mon, 03 Mar 2025 14:05:00 +0000\r\nMessage-ID: <x@y>\r\n\r\nIt is on its way.\r\n')
    const reading = await readEmail(raw)
    expect(reading.kind).toBe('shipping')
    expect(reading.patch).toBeUndefined()
    expect(reading.problems).toEqual(['no order number found'])
  })

  it('reads an empty message without throwing', async () => {
    const reading = await readEmail(Buffer.from(''))
    expect(reading).toMatchObject({ kind: 'unknown', retailer: 'generic', messageId: null })
  })
})
