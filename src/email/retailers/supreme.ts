import type { RetailerRule } from './retailer-rule.ts'

export const supreme: RetailerRule = {
  id: 'supreme',
  name: 'Supreme',
  senders: [{ domain: 'supremenewyork.com' }, { domain: 'supreme.com' }],
  subjects: {
    'order-confirmation': [/\bonline shop order\b/i]
  },
  orderNumbers: [/\border\s*#\s*(\d{6,9})\b/i]
}
