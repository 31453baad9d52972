import type { EmailCase } from '../support/email-case.ts'
import { TRACKING } from '../support/tracking-numbers.ts'

const from = 'Walmart.com <help@walmart.com>'

export const walmartCases: EmailCase[] = [
  {
    name: 'walmart-confirmation',
    from,
    subject: 'Thanks for your delivery order, Jordan',
    blocks: [{ p: 'Order number: 2000123-45678901' }, { items: [{ title: 'Nintendo Switch 2 Console', quantity: 1, price: '$449.00' }] }, { total: '$485.49' }],
    expect: { retailer: 'walmart', kind: 'order-confirmation', orderNumber: '2000123-45678901', store: 'Walmart', product: 'Nintendo Switch 2 Console', total: '$485.49' }
  },
  {
    name: 'walmart-partial-cancellation',
    from,
    subject: 'An item was canceled from your order',
    blocks: [
      { p: 'Order number: 2000123-45678901' },
      { p: 'We\'re sorry. The following item was canceled:' },
      { items: [{ title: 'Nintendo Switch 2 Pro Controller', quantity: 1, price: '$84.99' }] },
      { p: 'Items still on the way' },
      { items: [{ title: 'Nintendo Switch 2 Console', quantity: 1, price: '$449.00' }] }
    ],
    expect: {
      retailer: 'walmart',
      kind: 'partial-cancellation',
      orderNumber: '2000123-45678901',
      status: null,
      cancelledItems: [{ title: 'Nintendo Switch 2 Pro Controller', size: null, quantity: 1 }]
    }
  },
  {
    name: 'walmart-shipping-fedex-ground',
    from,
    subject: 'Your order has shipped',
    blocks: [{ p: 'Order number: 2000123-45678901' }, { tracking: TRACKING.fedex15, carrier: 'FedEx' }],
    expect: { retailer: 'walmart', kind: 'shipping', orderNumber: '2000123-45678901', trackings: [{ number: TRACKING.fedex15, carrier: 'FedEx' }] }
  }
]
