import type { RetailerRule } from './retailer-rule.ts'

export const hibbett: RetailerRule = {
  id: 'hibbett',
  name: 'Hibbett',
  senders: [{ domain: 'hibbett.com' }],
  orderNumbers: [/\b(HB\d{9})\b/]
}
