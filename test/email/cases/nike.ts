import type { EmailCase } from '../support/email-case.ts'
import { TRACKING } from '../support/tracking-numbers.ts'

const from = 'Nike <nike@official.nike.com>'
const dunk = { title: 'Nike Dunk Low Retro', size: '10.5', quantity: 1, price: '$115.00', style: 'DD1391-100' }

export const nikeCases: EmailCase[] = [
  {
    name: 'nike-snkrs-got-em',
    from,
    subject: 'You Got ’Em: Air Jordan 4 Retro ‘Black Cat’',
    blocks: [{ p: 'Congrats, Jordan. Your order is confirmed.' }, { p: 'Order Number: C01928374651' }, { items: [{ title: 'Air Jordan 4 Retro', size: '10', quantity: 1, price: '$215.00' }] }],
    expect: { retailer: 'nike', kind: 'order-confirmation', orderNumber: 'C01928374651', store: 'Nike', status: null, product: 'Air Jordan 4 Retro', size: '10', price: '$215.00' }
  },
  {
    name: 'nike-snkrs-draw-lost',
    from,
    subject: 'We’re sorry, you didn’t get the Air Jordan 4 Retro',
    blocks: [{ p: 'Thanks for entering. Unfortunately, you didn’t get ’em this time.' }],
    expect: { retailer: 'nike', kind: 'unknown', orderNumber: null, problems: 2 }
  },
  {
    name: 'nike-confirmation',
    from,
    subject: 'Thanks for Your Order',
    blocks: [{ p: 'Hi Jordan, thanks for your order!' }, { p: 'Order Number: C01928374650' }, { items: [dunk] }, { total: '$123.05' }],
    expect: { retailer: 'nike', kind: 'order-confirmation', orderNumber: 'C01928374650', store: 'Nike', status: null, product: 'Nike Dunk Low Retro', size: '10.5', quantity: 1, price: '$115.00', total: '$123.05' }
  },
  {
    name: 'nike-shipping-click-tracking',
    from,
    subject: 'Your Order Has Shipped',
    blocks: [
      { p: 'Good news, Jordan. Your order C01928374650 is on its way.' },
      { tracking: TRACKING.ups, carrier: 'UPS', href: `https://www.ups.com/track?loc=en_US&tracknum=${TRACKING.ups}` },
      { link: 'Track my order', href: 'https://click.email.nike.com/?qs=4f1a9c2e77b0d3a8c5e61f2b9d0a7c4e8b3f6a1d2c9e0b7a5f4d3c2b1a0e9f8d7c6b5a4' },
      { link: 'View order', href: `https://click.email.nike.com/?qs=${TRACKING.ups2}&u=${TRACKING.usps92}` },
      { items: [dunk] }
    ],
    expect: { retailer: 'nike', kind: 'shipping', orderNumber: 'C01928374650', status: 'shipped', trackings: [{ number: TRACKING.ups, carrier: 'UPS' }], product: 'Nike Dunk Low Retro' }
  },
  {
    name: 'nike-partial-cancellation',
    from,
    subject: 'An Item in Your Order Has Been Canceled',
    blocks: [
      { p: 'Order Number: C01928374651' },
      { p: 'The following item has been canceled:' },
      { items: [{ title: 'Nike Air Force 1 \'07', size: '9', quantity: 1, price: '$110.00' }] },
      { p: 'Remaining items in your order' },
      { items: [{ title: 'Nike Dunk Low Retro', size: '10.5', quantity: 1, price: '$115.00' }] }
    ],
    expect: {
      retailer: 'nike',
      kind: 'partial-cancellation',
      orderNumber: 'C01928374651',
      status: null,
      cancelledItems: [{ title: 'Nike Air Force 1 \'07', size: '9', quantity: 1 }]
    }
  },
  {
    name: 'nike-delivered',
    from,
    subject: 'Your Order Has Been Delivered',
    format: 'html',
    encoding: 'base64',
    blocks: [{ p: 'Your order C01928374650 was delivered on March 6.' }],
    expect: { retailer: 'nike', kind: 'delivered', orderNumber: 'C01928374650', status: 'delivered' }
  }
]
