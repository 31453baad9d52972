import type { EmailCase } from '../support/email-case.ts'
import { TRACKING } from '../support/tracking-numbers.ts'

const from = '"Amazon.com" <shipment-tracking@amazon.com>'
const order = '114-3941689-8772232'

export const amazonCases: EmailCase[] = [
  {
    name: 'amazon-your-order-number',
    from: '"Amazon.com" <auto-confirm@amazon.com>',
    subject: `Your Amazon.com order #${order}`,
    blocks: [{ p: 'Hello Jordan,' }, { p: 'We\'ll send a confirmation when your items ship.' }],
    expect: { retailer: 'amazon', kind: 'order-confirmation', orderNumber: order, status: null }
  },
  {
    name: 'amazon-ordered',
    from: '"Amazon.com" <auto-confirm@amazon.com>',
    subject: 'Ordered: "Pokémon TCG: Scarlet & Violet..." and 1 more item',
    blocks: [{ p: `Order #${order}` }, { items: [{ title: 'Pokémon TCG: Scarlet & Violet 151 Booster Bundle', quantity: 2, price: '$49.99' }] }],
    expect: { retailer: 'amazon', kind: 'order-confirmation', orderNumber: order, store: 'Amazon', quantity: 2 }
  },
  {
    name: 'amazon-shipped-tba',
    from,
    subject: 'Shipped: "Pokémon TCG: Scarlet & Violet..."',
    blocks: [{ p: `Order #${order}` }, { p: `Your package is being delivered by Amazon Logistics. Tracking ID: ${TRACKING.amazon}` }],
    expect: { retailer: 'amazon', kind: 'shipping', orderNumber: order, status: 'shipped', trackings: [{ number: TRACKING.amazon, carrier: 'Amazon Logistics' }] }
  },
  {
    name: 'amazon-delivered',
    from,
    subject: 'Delivered: "Pokémon TCG: Scarlet & Violet..."',
    blocks: [{ p: `Order #${order}` }, { p: 'Your package was left near the front door or porch.' }],
    expect: { retailer: 'amazon', kind: 'delivered', orderNumber: order, status: 'delivered' }
  },
  {
    name: 'amazon-item-cancelled',
    from: '"Amazon.com" <order-update@amazon.com>',
    subject: `Item canceled from your order ${order}`,
    blocks: [
      { p: 'We\'re writing to let you know that the following item has been canceled:' },
      { items: [{ title: 'Pokémon TCG: Surging Sparks Elite Trainer Box', quantity: 1 }] },
      { p: 'Your remaining items will ship as planned.' }
    ],
    expect: {
      retailer: 'amazon',
      kind: 'partial-cancellation',
      orderNumber: order,
      cancelledItems: [{ title: 'Pokémon TCG: Surging Sparks Elite Trainer Box', size: null, quantity: 1 }]
    }
  },
  {
    name: 'amazon-uk-dispatched',
    from: '"Amazon.co.uk" <shipment-tracking@amazon.co.uk>',
    subject: 'Dispatched: "Pokémon TCG: Scarlet & Violet..."',
    blocks: [{ p: 'Order #202-3941689-8772233' }, { p: `Your parcel is on its way with Royal Mail. Tracking number: ${TRACKING.royalMail}` }],
    expect: {
      retailer: 'amazon',
      kind: 'shipping',
      orderNumber: '202-3941689-8772233',
      store: 'Amazon UK',
      status: 'shipped',
      trackings: [{ number: TRACKING.royalMail, carrier: 'Royal Mail' }]
    }
  },
  {
    name: 'amazon-ca-ordered',
    from: '"Amazon.ca" <auto-confirm@amazon.ca>',
    subject: 'Ordered: "Pokémon TCG: Prismatic Evolutions..."',
    blocks: [{ p: 'Order #702-3941689-8772234' }, { items: [{ title: 'Pokémon TCG: Prismatic Evolutions Elite Trainer Box', quantity: 1, price: 'CA$79.99' }] }],
    expect: { retailer: 'amazon', kind: 'order-confirmation', orderNumber: '702-3941689-8772234', store: 'Amazon Canada', status: null, price: 'CA$79.99' }
  },
  {
    name: 'amazon-de-bestellt',
    from: '"Amazon.de" <bestellbestaetigung@amazon.de>',
    subject: 'Bestellt: „Pokémon Sammelkartenspiel: Karmesin & Purpur…“',
    blocks: [{ p: 'Bestellnr. 302-3941689-8772235' }, { items: [{ title: 'Pokémon Sammelkartenspiel: Karmesin & Purpur Top-Trainer-Box', quantity: 1, price: '54,99 €' }] }],
    expect: { retailer: 'amazon', kind: 'order-confirmation', orderNumber: '302-3941689-8772235', store: 'Amazon Germany', status: null, price: '54,99 €' }
  },
  {
    name: 'amazon-fr-livre',
    from: '"Amazon.fr" <shipment-tracking@amazon.fr>',
    subject: 'Livré : « Pokémon Coffret Dresseur d\'Élite… »',
    blocks: [{ p: 'Commande n° 403-3941689-8772236' }, { p: 'Votre colis a été livré.' }],
    expect: { retailer: 'amazon', kind: 'delivered', orderNumber: '403-3941689-8772236', store: 'Amazon France', status: 'delivered' }
  }
]
