import type { RetailerRule } from './retailer-rule.ts'

export const dicks: RetailerRule = {
  id: 'dicks',
  name: "Dick's Sporting Goods",
  senders: [{ domain: 'dickssportinggoods.com' }, { domain: 'dcsg.com' }],
  subjects: {
    'order-confirmation': [/\bwe got your order\b/i]
  },
  orderNumbers: [/\border\s*(?:number|#)\s*:?\s*(\d{11})\b/i]
}
