import { OTHER_LANGUAGE_BODIES, OTHER_LANGUAGE_ORDER_NUMBERS, OTHER_LANGUAGE_SUBJECTS } from './other-languages.ts'
import type { ClassifiedKind, RetailerRule } from './retailer-rule.ts'

/**
 * The fallback for senders no rule knows, and the patterns every rule falls back to. Subjects are the common
 * English wordings: "Your order #123 has shipped", "Order Confirmation", "has been cancelled", "was delivered", then
 * the German, French and Japanese ones (other-languages.ts).
 */
export const generic: RetailerRule = {
  id: 'generic',
  name: '',
  senders: [],
  subjects: withOtherLanguages({
    'partial-cancellation': [
      /\b(?:an?|one|some|part of (?:your|the)|certain)\s+(?:of\s+(?:the|your)\s+)?items?\b.{0,60}\bcancel+ed\b/i,
      /\bpartial(?:ly)?\s+cancel/i,
      /\bitems?\s+(?:has|have|was|were)\s+been\s+cancel+ed\b/i
    ],
    cancellation: [/\bcancel+(?:ed|ation)\b/i],
    delivered: [/\b(?:was|has been|is|been)\s+delivered\b/i, /^delivered\b/i, /\bdelivery (?:confirmation|complete)\b/i],
    'partial-shipping': [
      /\b(?:part|some|an?|one) of (?:your|the) (?:order|items)\b.{0,40}\b(?:shipped|on (?:its|the) way)\b/i,
      /\bpartial(?:ly)?\s+ship/i,
      /\bshipment \d+ of \d+\b/i
    ],
    shipping: [
      /\b(?:has |have |was |been )?shipped\b/i, /\bon (?:its|the|their) way\b/i, /\bshipping (?:confirmation|update)\b/i,
      /\bout for delivery\b/i, /\bshipment\b/i, /\b(?:has been |have been |was |been )?dispatched\b/i
    ],
    'order-confirmation': [
      /\border\b.{0,40}\b(?:confirm(?:ed|ation)?|received|placed)\b/i, /\bthanks?(?: you)? for (?:your |the )?(?:[\w'-]+ ){0,3}?(?:order|purchase)\b/i,
      /\border (?:receipt|summary)\b/i, /\bwe(?:'ve| have) got your order\b/i, /\bwe(?:'re| are) processing your order\b/i, /\bconfirm(?:ed|ation)\b.{0,30}\border\b/i
    ]
  }, OTHER_LANGUAGE_SUBJECTS),
  bodies: withOtherLanguages({
    'partial-cancellation': [/\bthe following items?\s+(?:has|have|was|were)\s+(?:been\s+)?cancel+ed\b/i],
    cancellation: [/\byour order\b.{0,40}\bhas been cancel+ed\b/i],
    delivered: [/\byour (?:order|package)\b.{0,40}\b(?:was|has been)\s+delivered\b/i],
    'partial-shipping': [
      /\bsome (?:of the )?items (?:in|from) your order (?:are|have)\b.{0,20}\b(?:on (?:the|its|their) way|shipped)\b/i,
      /\b(?:remaining|other) items? (?:will|are going to) ship (?:separately|soon|later)\b/i
    ],
    shipping: [/\byour (?:order|package|parcel)\b.{0,40}\b(?:has|have)\s+(?:shipped|been dispatched)\b/i],
    'order-confirmation': [/\bthanks?(?: you)? for (?:your |the )?(?:[\w'-]+ ){0,3}?(?:order|purchase)\b/i]
  }, OTHER_LANGUAGE_BODIES),
  orderNumbers: [
    /\border\s*(?:number|no\.?|#|id)\s*[:#]?\s*#?\s*([A-Z0-9][A-Z0-9-]*\d[A-Z0-9-]*)/i,
    /\border\s+([A-Z0-9-]*\d[A-Z0-9-]{2,})\b/i,
    // A bare "#" is an order number's only when it is not another thing's number ("Item #6505727", "Style #") and is
    // longer than a rank ("#1 in running").
    /(?<!\b(?:item|sku|style|model|account|acct|member|rewards?|card|store|case|ticket|ref|reference|invoice)\s?)#\s?([A-Z0-9-]*\d[A-Z0-9-]*[A-Z0-9]{2})\b/i,
    ...OTHER_LANGUAGE_ORDER_NUMBERS
  ]
}

type KindPatterns = Partial<Record<ClassifiedKind, readonly RegExp[]>>

function withOtherLanguages (english: KindPatterns, other: KindPatterns): KindPatterns {
  const merged: KindPatterns = { ...english }
  for (const [kind, patterns] of Object.entries(other) as Array<[ClassifiedKind, readonly RegExp[]]>) {
    merged[kind] = [...english[kind] ?? [], ...patterns]
  }
  return merged
}
