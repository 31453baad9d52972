import type { EmailCase } from '../support/email-case.ts'
import { TRACKING } from '../support/tracking-numbers.ts'

/** Shops outside the US: pounds and euros, UK wording, postal operators' tracking numbers. */
export const internationalCases: EmailCase[] = [
  {
    name: 'end-confirmation-pounds',
    from: 'END. <info@endclothing.com>',
    subject: 'Thank you for your order - 1234567890',
    blocks: [{ p: 'Order No: 1234567890' }, { items: [{ title: 'New Balance 990v6 Made in USA', size: 'UK 9', price: '£210.00' }] }, { total: '£215.00' }],
    expect: { retailer: 'generic', kind: 'order-confirmation', orderNumber: '1234567890', product: 'New Balance 990v6 Made in USA', price: '£210.00', total: '£215.00' }
  },
  {
    name: 'sneakersnstuff-confirmation-euro-after',
    from: 'Sneakersnstuff <noreply@sneakersnstuff.com>',
    subject: 'Thank you for your order 654321',
    blocks: [{ p: 'Order number: 654321' }, { items: [{ title: 'Asics Gel-Kayano 14', size: 'EU 42', price: '1.189,00 €' }] }, { total: '1.194,95 €' }],
    expect: { retailer: 'generic', kind: 'order-confirmation', orderNumber: '654321', price: '1.189,00 €', total: '1.194,95 €' }
  },
  {
    name: 'end-confirmation-us-dollars',
    from: 'END. <info@endclothing.com>',
    subject: 'Thank you for your order - 1234567891',
    blocks: [{ p: 'Order No: 1234567891' }, { items: [{ title: 'Salomon XT-6', size: 'US 10', price: 'US$ 200.00' }] }, { total: 'US$ 1,215.00' }],
    expect: { retailer: 'generic', kind: 'order-confirmation', orderNumber: '1234567891', price: 'US$200.00', total: 'US$1,215.00' }
  },
  {
    name: 'end-dispatched-royal-mail',
    from: 'END. <info@endclothing.com>',
    subject: 'Your order 1234567890 has been dispatched',
    blocks: [{ p: 'Good news, your order is on the move.' }, { tracking: TRACKING.royalMail, carrier: 'Royal Mail' }],
    expect: { retailer: 'generic', kind: 'shipping', orderNumber: '1234567890', status: 'shipped', trackings: [{ number: TRACKING.royalMail, carrier: 'Royal Mail' }] }
  },
  {
    name: 'end-dispatched-royal-mail-link-only',
    from: 'END. <info@endclothing.com>',
    subject: 'Your order 1234567892 has been dispatched',
    format: 'html',
    blocks: [{ p: 'Your parcel is with Royal Mail.' }, { link: 'Track your parcel', href: `https://www.royalmail.com/track-your-item#/tracking-results/${TRACKING.royalMail}` }],
    expect: { retailer: 'generic', kind: 'shipping', orderNumber: '1234567892', status: 'shipped', trackings: [{ number: TRACKING.royalMail, carrier: 'Royal Mail' }] }
  },
  {
    name: 'kith-japan-post',
    from: 'Kith <hello@kith.com>',
    subject: 'Your order #KJ12345 has shipped',
    blocks: [{ tracking: TRACKING.japanPost, carrier: 'Japan Post' }],
    expect: { retailer: 'generic', kind: 'shipping', orderNumber: 'KJ12345', status: 'shipped', trackings: [{ number: TRACKING.japanPost, carrier: 'Japan Post' }] }
  },
  {
    name: 'target-partial-cancellation-quantity-of',
    from: 'Target <orders@oe.target.com>',
    subject: 'Some items in your order were canceled',
    blocks: [{ p: 'Order #102000123456789' }, { p: 'We had to cancel some items.' }, { p: 'Pokemon TCG Scarlet & Violet Booster Bundle' }, { p: 'Qty canceled: 2 of 3' }, { p: '$26.99' }],
    expect: {
      retailer: 'target',
      kind: 'partial-cancellation',
      orderNumber: '102000123456789',
      cancelledItems: [{ title: 'Pokemon TCG Scarlet & Violet Booster Bundle', size: null, quantity: 2 }]
    }
  }
]
