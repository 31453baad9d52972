import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readEmail } from '../../src/email/read-email.ts'
import { FIXTURES_DIR } from './support/fixture-path.ts'

// Forwards as the mail clients write them, saved by hand (the generated fixtures write Gmail's and Outlook's forms).
const read = async (name: string) => await readEmail(readFileSync(`${FIXTURES_DIR}hand-written/${name}.eml`))

describe('readEmail on forwards written by mail clients', () => {
  it('reads an Apple Mail forward through its HTML part, whose quoted headers are one <div> each', async () => {
    const reading = await read('apple-mail-forward-html-nike-cancellation')
    expect(reading).toMatchObject({ from: 'nike@official.nike.com', retailer: 'nike', kind: 'cancellation', date: '2026-11-29T14:00:00.000Z' })
    expect(reading.patch?.fields).toMatchObject({ store: 'Nike', email: 'bot3@icloud.com', status: 'cancelled' })
  })

  it('reads an Apple Mail forward quoted with "> " through to the original', async () => {
    const reading = await read('apple-mail-forward-quoted-foot-locker-shipping')
    expect(reading).toMatchObject({ from: 'info@e.footlocker.com', retailer: 'foot-locker', kind: 'shipping' })
    expect(reading.patch).toMatchObject({ orderNumber: 'P1234567890', fields: { store: 'Foot Locker', email: 'bot1@icloud.com' } })
  })

  it('reads a German Gmail forward (WG:, Weitergeleitete Nachricht, Von:, ISO-8859-1) with its German date', async () => {
    const reading = await read('gmail-forward-de-zalando-shipping')
    expect(reading).toMatchObject({ from: 'info@service-mail.zalando.de', kind: 'shipping', date: '2026-11-30T09:15:00.000Z', problems: [] })
    expect(reading.patch).toMatchObject({ orderNumber: '10101010', fields: { email: 'bot.de@example.de', status: 'shipped' }, trackings: [{ number: '4123456783', carrier: 'DHL' }] })
    expect(reading.patch?.fields.product).toBeUndefined()
  })

  it('reads a French Apple Mail forward (Début du message réexpédié, De:, Objet:, À:) with its zone', async () => {
    const reading = await read('apple-mail-forward-fr-courir-cancellation')
    expect(reading).toMatchObject({ from: 'commande@courir.com', subject: 'Votre commande 45678901 a été annulée', kind: 'cancellation', date: '2026-11-28T17:30:00.000Z' })
    expect(reading.patch).toMatchObject({ orderNumber: '45678901', fields: { email: 'bot.fr@example.fr', status: 'cancelled' } })
  })

  it('reads a Japanese Outlook forward (差出人, 送信日時, 宛先, 件名; ISO-2022-JP)', async () => {
    const reading = await read('outlook-forward-ja-atmos-shipping')
    expect(reading).toMatchObject({ from: 'info@atmos-tokyo.com', subject: '商品発送のお知らせ', kind: 'shipping', date: '2026-11-30T18:05:00.000Z' })
    expect(reading.patch).toMatchObject({ orderNumber: '1000123456', fields: { email: 'bot.jp@example.jp', status: 'shipped' } })
  })

  it('reads a Spanish Outlook forward (RV:, De:, Enviado:, Para:, Asunto:; Windows-1252) with its Spanish date', async () => {
    const reading = await read('outlook-forward-es-nike-shipping')
    expect(reading).toMatchObject({ from: 'nike@official.nike.com', retailer: 'nike', subject: 'Your Order Has Shipped', kind: 'shipping', date: '2026-11-30T15:05:00.000Z' })
    expect(reading.patch).toMatchObject({ orderNumber: 'C01928374652', fields: { store: 'Nike', email: 'bot.es@example.es', status: 'shipped' } })
  })

  it('reads an Italian Gmail forward (I:, Messaggio inoltrato, Da:) with its Italian date', async () => {
    const reading = await read('gmail-forward-it-snipes-shipping')
    expect(reading).toMatchObject({ from: 'noreply@snipes.com', retailer: 'snipes', kind: 'shipping', date: '2026-11-30T15:05:00.000Z' })
    expect(reading.patch).toMatchObject({ orderNumber: 'SNP20261132', fields: { store: 'Snipes', email: 'bot.it@example.it', status: 'shipped' } })
  })

  it('reads an email forwarded as an attachment (message/rfc822) as the original, with the original\'s Message-ID', async () => {
    const reading = await read('outlook-forward-as-attachment-nike-shipping')
    expect(reading).toMatchObject({ from: 'nike@official.nike.com', retailer: 'nike', kind: 'shipping', problems: [] })
    expect(reading.messageId).toBe('<nike-shipping-click-tracking.20250303140500@mail.roms-fixtures.example>')
    expect(reading.patch).toMatchObject({ orderNumber: 'C01928374650', fields: { store: 'Nike', email: 'kicks.bot.04@example.com', status: 'shipped' } })
  })

  it('gives no email to the order from a forward that cannot be read through: its To is the shared inbox', async () => {
    const reading = await read('forward-without-headers-nike-shipping')
    expect(reading.patch?.orderNumber).toBe('C07777777777')
    expect(reading.patch?.fields.email).toBeUndefined()
  })
})
