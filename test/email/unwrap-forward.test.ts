import { describe, expect, it } from 'vitest'
import { unwrapForward, type Envelope } from '../../src/email/unwrap-forward.ts'

const outer = (subject: string, body: string): Envelope => ({
  from: { address: 'riley@example.net', name: 'Riley' },
  to: { address: 'orders@roms.example.org', name: '' },
  subject,
  date: '2025-03-04T09:30:00.000Z',
  body
})

describe('unwrapForward', () => {
  it('reads the original sender, recipient, subject and date of a Gmail forward', () => {
    const body = 'FYI\n---------- Forwarded message ---------\nFrom: Nike <nike@official.nike.com>\nDate: Mon, Mar 3, 2025 at 2:05 PM\nSubject: Your Order Has Shipped\nTo: <kicks.bot.04@example.com>\n\nOrder C01928374650'
    const envelope = unwrapForward(outer('Fwd: Your Order Has Shipped', body))
    expect(envelope).toMatchObject({
      from: { address: 'nike@official.nike.com', name: 'Nike' },
      to: { address: 'kicks.bot.04@example.com' },
      subject: 'Your Order Has Shipped',
      date: '2025-03-03T14:05:00.000Z',
      isForwarded: true
    })
    expect(envelope.body.trim()).toBe('Order C01928374650')
  })

  it('reads an Outlook forward, whose quoted sender may be written [mailto:...]', () => {
    const body = '________________________________\nFrom: Foot Locker [mailto:orders@footlocker.com]\nSent: Monday, March 3, 2025 2:05 PM\nTo: kicks.bot.04@example.com\nSubject: Your order has been received\n\nHello'
    expect(unwrapForward(outer('FW: Your order has been received', body))).toMatchObject({
      from: { address: 'orders@footlocker.com', name: 'Foot Locker' },
      subject: 'Your order has been received',
      date: '2025-03-03T14:05:00.000Z'
    })
  })

  it('unwraps a forward of a forward to the innermost message', () => {
    const body = '---------- Forwarded message ---------\nFrom: Sam <sam@example.com>\nSubject: Fwd: Shipped\n\n---------- Forwarded message ---------\nFrom: Target <orders@oe.target.com>\nSubject: Part of your order has shipped\n\nInner'
    expect(unwrapForward(outer('Fwd: Fwd: Shipped', body))).toMatchObject({ from: { address: 'orders@oe.target.com' }, subject: 'Part of your order has shipped' })
  })

  it('keeps the sender of a forward without quoted headers and only drops the prefix', () => {
    expect(unwrapForward(outer('Fwd: Your order has shipped', 'no headers here'))).toMatchObject({
      from: { address: 'riley@example.net' }, subject: 'Your order has shipped', isForwarded: true
    })
  })

  it('reads quoted headers with blank lines between them, as an HTML forward reads as text', () => {
    const body = 'Begin forwarded message:\n\nFrom: Nike <nike@official.nike.com>\n\nSubject: Your order has been cancelled\n\nDate: November 29, 2026 at 9:00:00 AM EST\n\nTo: bot3@icloud.com\n\nWe\'ve cancelled order C07777777777.'
    const envelope = unwrapForward(outer('Fwd: Your order has been cancelled', body))
    expect(envelope).toMatchObject({ from: { address: 'nike@official.nike.com' }, to: { address: 'bot3@icloud.com' }, date: '2026-11-29T14:00:00.000Z' })
    expect(envelope.body.trim()).toBe('We\'ve cancelled order C07777777777.')
  })

  it('reads a forward quoted with "> " on every line', () => {
    const body = 'Sent from my iPhone\n\nBegin forwarded message:\n\n> From: Foot Locker <info@e.footlocker.com>\n> To: bot1@icloud.com\n> Subject: Your Order Has Shipped\n>\n> Order #: P1234567890'
    const envelope = unwrapForward(outer('Fwd: Your Order Has Shipped', body))
    expect(envelope).toMatchObject({ from: { address: 'info@e.footlocker.com' }, to: { address: 'bot1@icloud.com' }, subject: 'Your Order Has Shipped' })
    expect(envelope.body.trim()).toBe('Order #: P1234567890')
  })

  it('never gives the forwarding mailbox as the recipient', () => {
    expect(unwrapForward(outer('Fwd: Your order has shipped', 'no headers here')).to).toBeNull()
    const withoutTo = '---------- Forwarded message ---------\nFrom: Nike <nike@official.nike.com>\nSubject: Shipped\n\nOrder C01928374650'
    expect(unwrapForward(outer('Fwd: Shipped', withoutTo)).to).toBeNull()
  })

  it('leaves a message that is not a forward alone, even if it quotes a From: line', () => {
    const envelope = unwrapForward(outer('Your order has shipped', 'From: Warehouse 4\nSubject: see below'))
    expect(envelope).toMatchObject({ from: { address: 'riley@example.net' }, subject: 'Your order has shipped', isForwarded: false })
  })
})
