import type { EmailCase } from '../support/email-case.ts'
import { TRACKING } from '../support/tracking-numbers.ts'

export const otherRetailerCases: EmailCase[] = [
  {
    name: 'apple-processing-your-order',
    from: 'Apple Store <order_acknowledgment@orders.apple.com>',
    subject: 'We\'re processing your order W1234567890',
    blocks: [{ p: 'Order Number: W1234567890' }, { items: [{ title: 'iPhone 17 Pro 256GB Deep Blue', quantity: 1, price: '$1,099.00' }] }],
    expect: { retailer: 'generic', kind: 'order-confirmation', orderNumber: 'W1234567890', product: 'iPhone 17 Pro 256GB Deep Blue', price: '$1,099.00' }
  },
  {
    name: 'gamestop-confirmation',
    from: 'GameStop <noreply@email.gamestop.com>',
    subject: 'Thank you for your GameStop order',
    blocks: [{ p: 'Order Number: 3210987654' }, { items: [{ title: 'Pokemon TCG Destined Rivals Elite Trainer Box', quantity: 2, price: '$59.99' }] }],
    expect: { retailer: 'gamestop', kind: 'order-confirmation', orderNumber: '3210987654', store: 'GameStop', quantity: 2, price: '$59.99' }
  },
  {
    name: 'gamestop-shipping',
    from: 'GameStop <noreply@email.gamestop.com>',
    subject: 'Your GameStop order has shipped!',
    blocks: [{ p: 'Order Number: 3210987654' }, { tracking: TRACKING.usps94, carrier: 'USPS' }],
    expect: { retailer: 'gamestop', kind: 'shipping', orderNumber: '3210987654', trackings: [{ number: TRACKING.usps94, carrier: 'USPS' }] }
  },
  {
    name: 'pokemon-center-confirmation',
    from: 'Pokémon Center <orders@pokemoncenter.com>',
    subject: 'Pokémon Center Order Confirmation',
    encoding: 'base64',
    blocks: [{ p: 'Order P000734521' }, { items: [{ title: 'Pokémon TCG: Mega Evolution Elite Trainer Box', quantity: 1, price: '$49.99' }] }],
    expect: { retailer: 'pokemon-center', kind: 'order-confirmation', orderNumber: 'P000734521', store: 'Pokémon Center', product: 'Pokémon TCG: Mega Evolution Elite Trainer Box' }
  },
  {
    name: 'pokemon-center-shipping-grouped-usps',
    from: 'Pokémon Center <orders@pokemoncenter.com>',
    subject: 'Your Pokémon Center order has shipped',
    format: 'text',
    blocks: [{ p: 'Order P000734521' }, { p: `Tracking number: ${TRACKING.usps92.replace(/(\d{4})(?=\d)/g, '$1 ')}` }],
    expect: { retailer: 'pokemon-center', kind: 'shipping', orderNumber: 'P000734521', trackings: [{ number: TRACKING.usps92, carrier: 'USPS' }] }
  },
  {
    name: 'supreme-confirmation',
    from: 'Supreme <no-reply@supremenewyork.com>',
    subject: 'Supreme online shop order #1587342',
    blocks: [{ items: [{ title: 'Box Logo Hooded Sweatshirt - Heather Grey', size: 'Medium', price: '$168.00' }] }],
    expect: { retailer: 'supreme', kind: 'order-confirmation', orderNumber: '1587342', store: 'Supreme', size: 'Medium' }
  },
  {
    name: 'supreme-shipping',
    from: 'Supreme <no-reply@supremenewyork.com>',
    subject: 'Your order has been shipped',
    blocks: [{ p: 'Order #1587342' }, { tracking: TRACKING.ups2, carrier: 'UPS' }],
    expect: { retailer: 'supreme', kind: 'shipping', orderNumber: '1587342', trackings: [{ number: TRACKING.ups2, carrier: 'UPS' }] }
  }
]
