import type { EmailCase } from '../support/email-case.ts'
import { TRACKING } from '../support/tracking-numbers.ts'

export const finishLineCases: EmailCase[] = [
  {
    name: 'jd-sports-confirmation',
    from: 'JD Sports <noreply@jdsports.com>',
    subject: 'JD Sports Order Confirmation',
    blocks: [{ p: 'Order Number: 8841200356' }, { items: [{ title: 'Nike Air Max 90', size: '9.5', price: '$130.00' }] }, { total: '$139.10' }],
    expect: { retailer: 'finish-line', kind: 'order-confirmation', orderNumber: '8841200356', store: 'JD Sports', product: 'Nike Air Max 90', size: '9.5', quantity: 1, price: '$130.00', total: '$139.10' }
  },
  {
    name: 'finish-line-shipping-usps-link',
    from: 'Finish Line <orders@finishline.com>',
    subject: 'Your Finish Line order is on its way',
    blocks: [
      { p: 'Order Number: 8841200357' },
      { link: 'Track package', href: `https://tools.usps.com/go/TrackConfirmAction?tLabels=${TRACKING.usps94}` }
    ],
    expect: { retailer: 'finish-line', kind: 'shipping', orderNumber: '8841200357', store: 'Finish Line', status: 'shipped', trackings: [{ number: TRACKING.usps94, carrier: 'USPS' }] }
  }
]
