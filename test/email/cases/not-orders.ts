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
  }
]
