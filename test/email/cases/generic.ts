import type { EmailCase } from '../support/email-case.ts'
import { TRACKING } from '../support/tracking-numbers.ts'

export const genericCases: EmailCase[] = [
  {
    name: 'generic-shipping',
    from: 'Sneaker Barn <orders@sneakerbarn.example>',
    subject: 'Your order #A-10023 has shipped',
    blocks: [{ p: 'Hi Jordan,' }, { p: 'Your order has shipped.' }, { tracking: TRACKING.ups, carrier: 'UPS' }],
    expect: { retailer: 'generic', kind: 'shipping', orderNumber: 'A-10023', status: 'shipped', trackings: [{ number: TRACKING.ups, carrier: 'UPS' }] }
  },
  {
    name: 'generic-confirmation',
    from: 'Card Vault <hello@cardvault.example>',
    subject: 'Order Confirmation',
    blocks: [{ p: 'Order number: CV-55018' }, { items: [{ title: 'One Piece OP-09 Booster Box', quantity: 1, price: '$129.99' }] }],
    expect: { retailer: 'generic', kind: 'order-confirmation', orderNumber: 'CV-55018', product: 'One Piece OP-09 Booster Box' }
  },
  {
    name: 'generic-delivered',
    from: 'Card Vault <hello@cardvault.example>',
    subject: 'Your package was delivered',
    blocks: [{ p: 'Order number: CV-55018' }],
    expect: { retailer: 'generic', kind: 'delivered', orderNumber: 'CV-55018', status: 'delivered' }
  },
  {
    name: 'generic-newsletter-unmatched',
    from: 'Sneaker Barn <news@sneakerbarn.example>',
    subject: 'Spring drops are here',
    blocks: [{ p: 'New colourways, limited sizes. Shop now.' }, { link: 'Shop', href: 'https://links.e.sneakerbarn.example/els/v2/9400111209876543210128' }],
    expect: { retailer: 'generic', kind: 'unknown', orderNumber: null, problems: 2 }
  }
]
