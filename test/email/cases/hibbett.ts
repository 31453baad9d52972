import type { EmailCase } from '../support/email-case.ts'
import { TRACKING } from '../support/tracking-numbers.ts'

const from = 'Hibbett | City Gear <orders@hibbett.com>'

export const hibbettCases: EmailCase[] = [
  {
    name: 'hibbett-shipping-text-only',
    from,
    subject: 'Your Hibbett Order Has Shipped',
    format: 'text',
    encoding: '7bit',
    blocks: [{ p: 'Order HB100234567' }, { tracking: TRACKING.ups2, carrier: 'UPS', href: `https://www.ups.com/track?tracknum=${TRACKING.ups2}` }],
    expect: { retailer: 'hibbett', kind: 'shipping', orderNumber: 'HB100234567', store: 'Hibbett', status: 'shipped', trackings: [{ number: TRACKING.ups2, carrier: 'UPS' }] }
  },
  {
    name: 'hibbett-cancellation',
    from,
    subject: 'Your Hibbett order has been cancelled',
    blocks: [{ p: 'Your order HB100234568 has been cancelled.' }],
    expect: { retailer: 'hibbett', kind: 'cancellation', orderNumber: 'HB100234568', status: 'cancelled' }
  }
]
