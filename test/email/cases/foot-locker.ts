import type { EmailCase } from '../support/email-case.ts'
import { TRACKING } from '../support/tracking-numbers.ts'

export const footLockerCases: EmailCase[] = [
  {
    name: 'champs-confirmation',
    from: 'Champs Sports <orders@em.champssports.com>',
    subject: 'Your Champs Sports order has been received',
    blocks: [
      { p: 'Order #: P7300012345678' },
      { items: [{ title: 'Jordan Retro 4 - Men\'s', size: '11.0', quantity: 2, price: '$215.00' }], layout: 'row' },
      { total: '$458.90' }
    ],
    expect: { retailer: 'foot-locker', kind: 'order-confirmation', orderNumber: 'P7300012345678', store: 'Champs Sports', product: 'Jordan Retro 4 - Men\'s', size: '11.0', quantity: 2, total: '$458.90' }
  },
  {
    name: 'footaction-shipping-fedex-12',
    from: 'Footaction <orders@footaction.com>',
    subject: 'Good news! Your Footaction order has shipped',
    blocks: [{ p: 'Order #: P7300012345679' }, { tracking: TRACKING.fedex12, carrier: 'FedEx' }, { p: 'Questions? Call 1-800-991-6815.' }],
    expect: { retailer: 'foot-locker', kind: 'shipping', orderNumber: 'P7300012345679', store: 'Footaction', status: 'shipped', trackings: [{ number: TRACKING.fedex12, carrier: 'FedEx' }] }
  },
  {
    name: 'kids-foot-locker-cancellation',
    from: 'Kids Foot Locker <orders@kidsfootlocker.com>',
    subject: 'Your Kids Foot Locker order has been cancelled',
    encoding: 'base64',
    blocks: [{ p: 'We are sorry. Order P7300012345680 has been cancelled and you have not been charged.' }],
    expect: { retailer: 'foot-locker', kind: 'cancellation', orderNumber: 'P7300012345680', store: 'Kids Foot Locker', status: 'cancelled' }
  },
  {
    name: 'foot-locker-partial-cancellation',
    from: 'Foot Locker <orders@footlocker.com>',
    subject: 'Order Update: Item(s) Cancelled',
    blocks: [
      { p: 'Order #: P7300012345681' },
      { p: 'Unfortunately the following items have been cancelled:' },
      { items: [{ title: 'New Balance 550 - Men\'s', size: '10.0', quantity: 2, price: '$110.00' }] },
      { p: 'Your other items will ship soon.' }
    ],
    expect: {
      retailer: 'foot-locker',
      kind: 'partial-cancellation',
      orderNumber: 'P7300012345681',
      store: 'Foot Locker',
      cancelledItems: [{ title: 'New Balance 550 - Men\'s', size: '10.0', quantity: 2 }]
    }
  }
]
