import type { RetailerRule } from './retailer-rule.ts'

/** Finish Line belongs to JD Sports; both send from the same system. */
export const finishLine: RetailerRule = {
  id: 'finish-line',
  name: 'Finish Line',
  senders: [{ domain: 'finishline.com' }, { domain: 'jdsports.com', store: 'JD Sports' }],
  orderNumbers: [/\border\s*(?:number|#)\s*:?\s*(\d{10})\b/i]
}
