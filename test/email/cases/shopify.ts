import type { EmailCase } from '../support/email-case.ts'
import { TRACKING } from '../support/tracking-numbers.ts'

const from = 'Kith <store+12345678@t.shopifyemail.com>'

export const shopifyCases: EmailCase[] = [
  {
    name: 'shopify-confirmed',
    from,
    subject: 'Order #1042 confirmed',
    blocks: [{ p: 'Thank you for your purchase!' }, { items: [{ title: 'Kith Classic Logo Hoodie - Black', size: 'L', quantity: 1, price: '$165.00' }] }, { total: '$178.20' }],
    expect: { retailer: 'shopify', kind: 'order-confirmation', orderNumber: '1042', store: 'Kith', product: 'Kith Classic Logo Hoodie - Black', size: 'L', total: '$178.20' }
  },
  {
    name: 'shopify-shipment-on-the-way',
    from,
    subject: 'A shipment from order #1042 is on the way',
    blocks: [{ p: 'Your order is on the way. Track your shipment to see the delivery status.' }, { tracking: TRACKING.ups, carrier: 'UPS', href: `https://www.ups.com/track?tracknum=${TRACKING.ups}` }],
    expect: { retailer: 'shopify', kind: 'shipping', orderNumber: '1042', store: 'Kith', status: 'shipped', trackings: [{ number: TRACKING.ups, carrier: 'UPS' }] }
  },
  {
    name: 'shopify-partial-shipment',
    from,
    subject: 'A shipment from order #1043 is on the way',
    blocks: [{ p: 'Some items in your order are on the way.' }, { tracking: TRACKING.usps94, carrier: 'USPS' }],
    expect: { retailer: 'shopify', kind: 'partial-shipping', orderNumber: '1043', status: 'partially-shipped', trackings: [{ number: TRACKING.usps94, carrier: 'USPS' }] }
  },
  {
    name: 'shopify-your-order-is-on-the-way',
    from: 'Bodega <store+87654321@t.shopifyemail.com>',
    subject: 'Your order is on the way',
    blocks: [{ p: 'Order #BDG5512' }, { p: 'Your order is on the way.' }, { tracking: TRACKING.fedex12, carrier: 'FedEx' }],
    expect: { retailer: 'shopify', kind: 'shipping', orderNumber: 'BDG5512', store: 'Bodega', trackings: [{ number: TRACKING.fedex12, carrier: 'FedEx' }] }
  },
  {
    name: 'shopify-canceled',
    from,
    subject: 'Order #1044 has been canceled',
    blocks: [{ p: 'Your order has been canceled. Reason: inventory.' }],
    expect: { retailer: 'shopify', kind: 'cancellation', orderNumber: '1044', status: 'cancelled' }
  },
  {
    name: 'shopify-delivered',
    from,
    subject: 'Order #1042 was delivered',
    blocks: [{ p: 'Your order was delivered.' }],
    expect: { retailer: 'shopify', kind: 'delivered', orderNumber: '1042', status: 'delivered' }
  },
  {
    name: 'shopify-canceled-and-refunded',
    from,
    subject: 'Order #1046 has been canceled and refunded',
    blocks: [{ p: 'Your order has been canceled. Your refund of $178.20 is on its way to your card.' }],
    expect: { retailer: 'shopify', kind: 'cancellation', orderNumber: '1046', status: 'cancelled' }
  }
]
