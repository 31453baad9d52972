import type { EmailCase } from '../support/email-case.ts'
import { TRACKING } from '../support/tracking-numbers.ts'

export const forwardCases: EmailCase[] = [
  {
    name: 'gmail-forward-nike-shipping',
    from: 'Nike <nike@official.nike.com>',
    subject: 'Your Order Has Shipped',
    forward: 'gmail',
    blocks: [{ p: 'Order Number: C01928374652' }, { tracking: TRACKING.ups, carrier: 'UPS' }],
    expect: { retailer: 'nike', kind: 'shipping', orderNumber: 'C01928374652', store: 'Nike', status: 'shipped', trackings: [{ number: TRACKING.ups, carrier: 'UPS' }] }
  },
  {
    name: 'gmail-forward-text-only-best-buy',
    from: 'Best Buy <BestBuyInfo@emailinfo.bestbuy.com>',
    subject: 'Thanks for your order, Jordan',
    forward: 'gmail',
    format: 'text',
    blocks: [{ p: 'Order Number: BBY01-806512349877' }, { items: [{ title: 'Apple - AirPods Pro 2', quantity: 1, price: '$249.00' }] }],
    expect: { retailer: 'best-buy', kind: 'order-confirmation', orderNumber: 'BBY01-806512349877', store: 'Best Buy', product: 'Apple - AirPods Pro 2' }
  },
  {
    name: 'outlook-forward-foot-locker-confirmation',
    from: 'Foot Locker <orders@footlocker.com>',
    subject: 'Your Foot Locker order has been received',
    forward: 'outlook',
    blocks: [{ p: 'Order #: P7300012345690' }, { items: [{ title: 'Nike Air Max Plus', size: '10.0', quantity: 1, price: '$185.00' }] }],
    expect: { retailer: 'foot-locker', kind: 'order-confirmation', orderNumber: 'P7300012345690', store: 'Foot Locker', status: null, product: 'Nike Air Max Plus', size: '10.0' }
  },
  {
    name: 'outlook-forward-text-only-target-cancellation',
    from: 'Target <orders@oe.target.com>',
    subject: 'Your Target order has been cancelled',
    forward: 'outlook',
    format: 'text',
    blocks: [{ p: 'Order #912003456789099 has been cancelled.' }],
    expect: { retailer: 'target', kind: 'cancellation', orderNumber: '912003456789099', status: 'cancelled' }
  }
]
