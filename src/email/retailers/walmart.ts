import type { RetailerRule } from './retailer-rule.ts'

export const walmart: RetailerRule = {
  id: 'walmart',
  name: 'Walmart',
  senders: [{ domain: 'walmart.com' }],
  subjects: {
    'partial-cancellation': [/\bitems? (?:was|were) canceled\b.{0,30}\border\b/i],
    'order-confirmation': [/\bthanks for your (?:order|delivery order)\b/i]
  },
  orderNumbers: [/\b(\d{7}-\d{8})\b/]
}
