import type { RetailerRule } from './retailer-rule.ts'

export const bestBuy: RetailerRule = {
  id: 'best-buy',
  name: 'Best Buy',
  senders: [{ domain: 'bestbuy.com' }, { domain: 'emailinfo.bestbuy.com' }],
  subjects: {
    shipping: [/\byour (?:item|items) (?:has|have) shipped\b/i],
    delivered: [/\byour package has arrived\b/i]
  },
  orderNumbers: [/\b(BBY01-\d{12})\b/]
}
