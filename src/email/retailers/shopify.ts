import type { RetailerRule } from './retailer-rule.ts'

/**
 * Every Shopify store sends from store+<id>@t.shopifyemail.com with its own name as the display name, using the
 * default notification subjects: `Order #1234 confirmed`, `A shipment from order #1234 is on the way`,
 * `Order #1234 has been canceled`, `Your order is on the way`, `Order #1234 was delivered`. "A shipment from order"
 * is sent for every fulfillment, the only one included, so partial shipments are told by the body ("Some items").
 */
export const shopify: RetailerRule = {
  id: 'shopify',
  name: 'Shopify store',
  senders: [{ domain: 't.shopifyemail.com' }, { domain: 'shopifyemail.com' }],
  storeFromDisplayName: true,
  subjects: {
    'order-confirmation': [/^order\s*#?\S+\s+confirmed\b/i]
  },
  orderNumbers: [/\border\s*#\s*([A-Z0-9-]*\d[A-Z0-9-]*)/i]
}
