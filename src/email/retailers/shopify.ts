import type { RetailerRule } from './retailer-rule.ts'

/**
 * Every Shopify store sends from store+<id>@t.shopifyemail.com with its own name as the display name, using the
 * default notification subjects: `Order #1234 confirmed`, `A shipment from order #1234 is on the way`,
 * `Order #1234 has been canceled`, `Your order is on the way`, `Order #1234 was delivered`.
 */
export const shopify: RetailerRule = {
  id: 'shopify',
  name: 'Shopify store',
  senders: [{ domain: 't.shopifyemail.com' }, { domain: 'shopifyemail.com' }],
  storeFromDisplayName: true,
  subjects: {
    'partial-shipping': [/\ba shipment from order\b.{0,30}\bis on the way\b/i],
    'order-confirmation': [/^order\s*#?\S+\s+confirmed\b/i]
  },
  orderNumbers: [/\border\s*#\s*([A-Z0-9-]*\d[A-Z0-9-]*)/i]
}
