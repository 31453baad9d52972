import type { EmailCase } from '../support/email-case.ts'
import { TRACKING } from '../support/tracking-numbers.ts'

const from = 'SNIPES <service@snipesusa.com>'

export const snipesCases: EmailCase[] = [
  {
    name: 'snipes-confirmation',
    from,
    subject: 'Thank you for your order',
    blocks: [{ p: 'Your order SNP20250311 is confirmed.' }, { items: [{ title: 'adidas Samba OG', size: '7', price: '$100.00' }] }],
    expect: { retailer: 'snipes', kind: 'order-confirmation', orderNumber: 'SNP20250311', store: 'Snipes', product: 'adidas Samba OG', size: '7' }
  },
  {
    name: 'snipes-shipping-dhl',
    from,
    subject: 'Your SNIPES order is on the way',
    blocks: [{ p: 'Order SNP20250311' }, { tracking: TRACKING.dhl, carrier: 'DHL Express' }],
    expect: { retailer: 'snipes', kind: 'shipping', orderNumber: 'SNP20250311', status: 'shipped', trackings: [{ number: TRACKING.dhl, carrier: 'DHL' }] }
  }
]
