import type { EmailCase } from '../support/email-case.ts'
import { TRACKING } from '../support/tracking-numbers.ts'

const from = 'adidas <adidas@us-news.adidas.com>'

export const adidasCases: EmailCase[] = [
  {
    name: 'adidas-confirmation',
    from,
    subject: 'We\'ve got it: your adidas order AD02513489',
    blocks: [{ items: [{ title: 'Samba OG Shoes', size: 'M 9 / W 10', quantity: 1, price: '$100.00' }] }, { total: '$107.25' }],
    expect: { retailer: 'adidas', kind: 'order-confirmation', orderNumber: 'AD02513489', store: 'Adidas', size: 'M 9 / W 10', total: '$107.25' }
  },
  {
    name: 'adidas-shipping-dhl-link',
    from,
    subject: 'Your adidas order is on its way',
    blocks: [
      { p: 'Order number: AD02513489' },
      { link: 'Track your parcel', href: `https://www.dhl.com/us-en/home/tracking/tracking-express.html?submit=1&tracking-id=${TRACKING.dhl}` }
    ],
    expect: { retailer: 'adidas', kind: 'shipping', orderNumber: 'AD02513489', trackings: [{ number: TRACKING.dhl, carrier: 'DHL' }] }
  }
]
