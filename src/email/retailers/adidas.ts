import type { RetailerRule } from './retailer-rule.ts'

export const adidas: RetailerRule = {
  id: 'adidas',
  name: 'Adidas',
  senders: [{ domain: 'adidas.com' }],
  subjects: {
    'order-confirmation': [/\bwe'?ve got it\b/i]
  },
  orderNumbers: [/\b(AD\d{8})\b/]
}
