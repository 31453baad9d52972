import type { EmailCase } from '../support/email-case.ts'
import { TRACKING } from '../support/tracking-numbers.ts'

/** Shops writing in German, French and Japanese. */
export const languageCases: EmailCase[] = [
  {
    name: 'zalando-de-bestellbestaetigung',
    from: 'Zalando <info@service-mail.zalando.de>',
    subject: 'Vielen Dank für deine Bestellung',
    blocks: [
      { p: 'Bestellnummer: 10101010' },
      { p: 'Nike Sportswear Dunk Low Retro' }, { p: 'Größe: 42' }, { p: 'Menge: 1' }, { p: '119,95 €' },
      { p: 'Gesamtsumme: 124,90 €' }
    ],
    expect: { retailer: 'generic', kind: 'order-confirmation', orderNumber: '10101010', product: 'Nike Sportswear Dunk Low Retro', size: '42', quantity: 1, price: '119,95 €', total: '124,90 €' }
  },
  {
    name: 'sneakersnstuff-de-versandt',
    from: 'Sneakersnstuff <noreply@sneakersnstuff.com>',
    subject: 'Deine Bestellung 123456 wurde versandt',
    blocks: [{ p: 'Hallo, deine Bestellung ist unterwegs.' }, { p: `DHL Sendungsnummer: ${TRACKING.dhl}` }],
    expect: { retailer: 'generic', kind: 'shipping', orderNumber: '123456', status: 'shipped', trackings: [{ number: TRACKING.dhl, carrier: 'DHL' }] }
  },
  {
    name: 'zalando-de-storniert',
    from: 'Zalando <info@service-mail.zalando.de>',
    subject: 'Deine Bestellung wurde storniert',
    blocks: [{ p: 'Bestell-Nr. 10101011' }, { p: 'Deine Bestellung wurde storniert. Der Betrag wird erstattet.' }],
    expect: { retailer: 'generic', kind: 'cancellation', orderNumber: '10101011', status: 'cancelled' }
  },
  {
    name: 'courir-fr-confirmation',
    from: 'Courir <commande@courir.com>',
    subject: 'Confirmation de votre commande n° 45678901',
    blocks: [{ p: 'Merci pour votre commande !' }, { p: 'Numéro de commande : 45678901' }, { p: 'Total TTC : 129,99 €' }],
    expect: { retailer: 'generic', kind: 'order-confirmation', orderNumber: '45678901', total: '129,99 €' }
  },
  {
    name: 'courir-fr-expediee-colissimo',
    from: 'Courir <commande@courir.com>',
    subject: 'Votre commande 45678901 a été expédiée',
    blocks: [{ p: 'Bonne nouvelle, votre colis est en route.' }, { p: `Numéro de suivi La Poste : ${TRACKING.laPoste}` }],
    expect: { retailer: 'generic', kind: 'shipping', orderNumber: '45678901', status: 'shipped', trackings: [{ number: TRACKING.laPoste, carrier: 'La Poste' }] }
  },
  {
    name: 'courir-fr-livree',
    from: 'Courir <commande@courir.com>',
    subject: 'Votre commande a été livrée',
    blocks: [{ p: 'Commande n° 45678901' }],
    expect: { retailer: 'generic', kind: 'delivered', orderNumber: '45678901', status: 'delivered' }
  },
  {
    name: 'atmos-ja-hassou',
    from: 'atmos <info@atmos-tokyo.com>',
    subject: '【atmos】商品発送のお知らせ',
    blocks: [{ p: 'ご注文番号：1000123456' }, { p: 'ご注文の商品を発送いたしました。' }, { p: `日本郵便 追跡番号：${TRACKING.japanPost}` }],
    expect: { retailer: 'generic', kind: 'shipping', orderNumber: '1000123456', status: 'shipped', trackings: [{ number: TRACKING.japanPost, carrier: 'Japan Post' }] }
  },
  {
    name: 'pokemon-center-ja-cancel',
    from: 'ポケモンセンターオンライン <noreply@pokemoncenter-online.com>',
    subject: 'ご注文キャンセルのお知らせ',
    blocks: [{ p: '注文番号：P2000123' }, { p: 'ご注文をキャンセルいたしました。' }],
    expect: { retailer: 'generic', kind: 'cancellation', orderNumber: 'P2000123', status: 'cancelled' }
  }
]
