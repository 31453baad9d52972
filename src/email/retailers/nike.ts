import type { RetailerRule } from './retailer-rule.ts'

export const nike: RetailerRule = {
  id: 'nike',
  name: 'Nike',
  senders: [{ domain: 'nike.com' }],
  subjects: {
    'partial-cancellation': [/\bitem in your order (?:has been|was) cancel+ed\b/i],
    'partial-shipping': [/\bpart of your order\b/i]
  },
  orderNumbers: [/\b(C\d{11})\b/]
}
