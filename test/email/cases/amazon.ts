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
  }
]
