import type { EmailCase } from '../support/email-case.ts'
import { TRACKING } from '../support/tracking-numbers.ts'

const from = 'Best Buy <BestBuyInfo@emailinfo.bestbuy.com>'

export const bestBuyCases: EmailCase[] = [
  {
    name: 'best-buy-confirmation',
    from,
    subject: 'Thanks for your order, Jordan',
    blocks: [
      { p: 'Order Number: BBY01-806512349876' },
      { items: [{ title: 'Sony - PlayStation 5 Slim Console', quantity: 1, price: '$499.99' }] },
      { total: '$544.99' }
    ],
    expect: { retailer: 'best-buy', kind: 'order-confirmation', orderNumber: 'BBY01-806512349876', store: 'Best Buy', product: 'Sony - PlayStation 5 Slim Console', quantity: 1, price: '$499.99', total: '$544.99' }
  },
  {
    name: 'best-buy-shipping-ups',
    from,
    subject: 'Your item has shipped',
    blocks: [{ p: 'Order Number: BBY01-806512349876' }, { p: `UPS tracking: ${TRACKING.ups}` }],
    expect: { retailer: 'best-buy', kind: 'shipping', orderNumber: 'BBY01-806512349876', status: 'shipped', trackings: [{ number: TRACKING.ups, carrier: 'UPS' }] }
  },
  {
    name: 'best-buy-delivered',
    from,
    subject: 'Your package has arrived',
    blocks: [{ p: 'Order Number: BBY01-806512349876' }],
    expect: { retailer: 'best-buy', kind: 'delivered', orderNumber: 'BBY01-806512349876', status: 'delivered' }
  }
]
