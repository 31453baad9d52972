import type { EmailCase } from '../support/email-case.ts'

/** Mail the bot accounts get from the same retailers that is not news of an order: it must change nothing. */
export const notOrderCases: EmailCase[] = [
  {
    name: 'nike-newsletter-on-its-way-back',
    from: 'Nike <nike@official.nike.com>',
    subject: 'Just In: The Air Max 1 is on its way back',
    blocks: [{ p: 'New arrivals. Shop now.' }, { p: '#1 in running. Free shipping on orders over $50.' }],
    expect: { retailer: 'nike', kind: 'unknown', orderNumber: null, problems: 2 }
  },
  {
    name: 'best-buy-deals-shipped-free',
    from: 'Best Buy <BestBuyInfo@emailinfo.bestbuy.com>',
    subject: 'Deals shipped free: top picks for you',
    blocks: [{ p: 'Order by Dec 20 for delivery by Christmas.' }, { p: 'Sony WH-1000XM5 Item #6505727' }],
    expect: { retailer: 'best-buy', kind: 'unknown', orderNumber: null, problems: 2 }
  },
  {
    name: 'walmart-how-was-your-order',
    from: 'Walmart.com <help@walmart.com>',
    subject: 'How was your order? Tell us',
    blocks: [{ p: 'Thanks for your order #2000123-45678901.' }, { p: 'Rate your recent purchase.' }],
    expect: { retailer: 'walmart', kind: 'unknown', orderNumber: '2000123-45678901', status: null, problems: 1 }
  },
  {
    name: 'foot-locker-cart-reminder',
    from: 'Foot Locker <accountservices@em.footlocker.com>',
    subject: 'You left something in your cart',
    blocks: [{ p: 'Your cart is waiting!' }, { items: [{ title: 'Nike Dunk Low Retro', size: '10', price: '$115.00' }] }],
    expect: { retailer: 'foot-locker', kind: 'unknown', orderNumber: null, problems: 2 }
  },
  {
    name: 'target-password-reset',
    from: 'Target <orders@oe.target.com>',
    subject: 'Reset your password',
    blocks: [{ p: 'We got a request to reset your password. Your order #102000123456789 is not affected.' }],
    expect: { retailer: 'target', kind: 'unknown', orderNumber: '102000123456789', status: null, problems: 1 }
  },
  {
    name: 'walmart-return-received',
    from: 'Walmart.com <help@walmart.com>',
    subject: 'Your return for order 2000123-45678901 was received',
    blocks: [{ p: 'We\'ve received your return. Your refund of $99.94 will be issued in 3-5 business days.' }],
    expect: { retailer: 'walmart', kind: 'unknown', orderNumber: '2000123-45678901', status: null, problems: 1 }
  },
  {
    name: 'nike-will-be-cancelled-unless',
    from: 'Nike <nike@official.nike.com>',
    subject: 'Action required: your order will be cancelled unless you update your payment',
    blocks: [{ p: 'We couldn\'t charge your card for order C01928374651. Update your payment within 24 hours to keep your order.' }],
    expect: { retailer: 'nike', kind: 'unknown', orderNumber: 'C01928374651', status: null, problems: 1 }
  },
  {
    name: 'target-could-not-be-cancelled',
    from: 'Target <orders@oe.target.com>',
    subject: 'Your order could not be cancelled',
    blocks: [{ p: 'Your cancellation request for order #102000123456780 could not be completed: it is already being packed.' }],
    expect: { retailer: 'target', kind: 'unknown', orderNumber: '102000123456780', status: null, problems: 1 }
  },
  {
    name: 'hibbett-not-shipped-yet',
    from: 'Hibbett <orders@hibbett.com>',
    subject: 'Your order HB123456780 has not shipped yet',
    blocks: [{ p: 'Your order is taking longer than expected. We will email you when it ships.' }],
    expect: { retailer: 'hibbett', kind: 'unknown', orderNumber: 'HB123456780', status: null, problems: 1 }
  },
  {
    name: 'foot-locker-being-prepared-for-shipment',
    from: 'Foot Locker <accountservices@em.footlocker.com>',
    subject: 'Your order is being prepared for shipment',
    blocks: [{ p: 'Order #: P1234567890123' }, { p: 'We will send you tracking information once it leaves our warehouse.' }],
    expect: { retailer: 'foot-locker', kind: 'unknown', orderNumber: 'P1234567890123', status: null, problems: 1 }
  },
  {
    name: 'shopify-has-your-order-been-delivered',
    from: 'Kith <store+12345678@t.shopifyemail.com>',
    subject: 'Has your order #1045 been delivered?',
    blocks: [{ p: 'Let us know if anything is missing.' }],
    expect: { retailer: 'shopify', kind: 'unknown', orderNumber: '1045', status: null, problems: 1 }
  }
]
