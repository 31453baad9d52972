import type { RetailerRule } from './retailer-rule.ts'

export const gamestop: RetailerRule = {
  id: 'gamestop',
  name: 'GameStop',
  senders: [{ domain: 'gamestop.com' }],
  orderNumbers: [/\border\s*(?:number|#)\s*:?\s*(\d{10})\b/i]
}
