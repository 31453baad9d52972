import type { RetailerRule } from './retailer-rule.ts'

/** Foot Locker, Champs Sports, Footaction and Kids Foot Locker share one platform and one email template. */
export const footLocker: RetailerRule = {
  id: 'foot-locker',
  name: 'Foot Locker',
  senders: [
    { domain: 'footlocker.com' },
    { domain: 'kidsfootlocker.com', store: 'Kids Foot Locker' },
    { domain: 'champssports.com', store: 'Champs Sports' },
    { domain: 'footaction.com', store: 'Footaction' }
  ],
  subjects: {
    'partial-cancellation': [/\border update:?\s*items?\s*\(?s?\)?\s*cancel+ed\b/i],
    shipping: [/\bgood news\b.{0,40}\bshipped\b/i]
  },
  orderNumbers: [/\b(P\d{13})\b/]
}
