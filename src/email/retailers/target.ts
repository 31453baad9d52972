import type { RetailerRule } from './retailer-rule.ts'

export const target: RetailerRule = {
  id: 'target',
  name: 'Target',
  senders: [{ domain: 'target.com' }],
  subjects: {
    'order-confirmation': [/\bhere'?s your order\b/i],
    delivered: [/\barrived\b/i]
  },
  orderNumbers: [/\border\s*#?\s*:?\s*(\d{15})\b/i]
}
