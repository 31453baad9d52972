import type { RetailerRule } from './retailer-rule.ts'

export const snipes: RetailerRule = {
  id: 'snipes',
  name: 'Snipes',
  senders: [{ domain: 'snipesusa.com' }, { domain: 'snipes.com' }],
  orderNumbers: [/\b(SNP\d{8})\b/]
}
