import type { EmailCase } from '../support/email-case.ts'
import { TRACKING } from '../support/tracking-numbers.ts'

const from = 'DICK\'S Sporting Goods <orders@em.dickssportinggoods.com>'

export const dicksCases: EmailCase[] = [
  {
    name: 'dicks-confirmation-html-only',
    from,
    subject: 'We Got Your Order!',
    format: 'html',
    encoding: 'base64',
    blocks: [{ p: 'Order Number: 40012345678' }, { items: [{ title: 'Jordan 1 Mid Shoes', size: '8', quantity: 1, price: '$125.00' }] }, { total: '$134.38' }],
    expect: { retailer: 'dicks', kind: 'order-confirmation', orderNumber: '40012345678', store: 'Dick\'s Sporting Goods', product: 'Jordan 1 Mid Shoes', size: '8', price: '$125.00', total: '$134.38' }
  },
  {
    name: 'dicks-shipping-fedex-15',
    from,
    subject: 'Your order has shipped',
    blocks: [{ p: 'Order Number: 40012345678' }, { tracking: TRACKING.fedex15, carrier: 'FedEx Ground' }],
    expect: { retailer: 'dicks', kind: 'shipping', orderNumber: '40012345678', status: 'shipped', trackings: [{ number: TRACKING.fedex15, carrier: 'FedEx' }] }
  }
]
