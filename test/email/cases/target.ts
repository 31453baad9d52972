import type { EmailCase } from '../support/email-case.ts'
import { TRACKING } from '../support/tracking-numbers.ts'

const from = 'Target <orders@oe.target.com>'

export const targetCases: EmailCase[] = [
  {
    name: 'target-confirmation',
    from,
    subject: 'Here\'s your order, Jordan',
    blocks: [{ p: 'Order #912003456789012' }, { items: [{ title: 'Pokémon Trading Card Game: Prismatic Evolutions Booster Bundle', quantity: 3, price: '$26.99' }] }],
    expect: { retailer: 'target', kind: 'order-confirmation', orderNumber: '912003456789012', store: 'Target', quantity: 3, price: '$26.99', trackings: [] }
  },
  {
    name: 'target-partial-shipping',
    from,
    subject: 'Part of your order has shipped',
    blocks: [{ p: 'Order #912003456789012' }, { tracking: TRACKING.usps92, carrier: 'USPS' }, { p: 'The remaining items will ship separately.' }],
    expect: { retailer: 'target', kind: 'partial-shipping', orderNumber: '912003456789012', status: 'partially-shipped', trackings: [{ number: TRACKING.usps92, carrier: 'USPS' }] }
  },
  {
    name: 'target-cancellation',
    from,
    subject: 'Your Target order has been cancelled',
    blocks: [{ p: 'Order #912003456789013 has been cancelled.' }],
    expect: { retailer: 'target', kind: 'cancellation', orderNumber: '912003456789013', status: 'cancelled' }
  }
]
