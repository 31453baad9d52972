import type { RetailerRule } from './retailer-rule.ts'

export const nike: RetailerRule = {
  id: 'nike',
  name: 'Nike',
  senders: [{ domain: 'nike.com' }],
  subjects: {
    'partial-cancellation': [/\bitem in your order (?:has been|was) cancel+ed\b/i],
    'partial-shipping': [/\bpart of your order\b/i],
    // A SNKRS draw won: "You Got 'Em: Air Jordan 4 'Black Cat'" is the order's confirmation (the straight or curly
    // apostrophe). "We're sorry, you didn't get..." is a draw lost and stays unknown.
    'order-confirmation': [/\bgot\s+['’]?em\b/i]
  },
  orderNumbers: [/\b(C\d{11})\b/]
}
