import type { EmailKind } from './email-reading.ts'
import { generic, type ClassifiedKind, type RetailerRule } from './retailers/index.ts'

/**
 * The order kinds are tried in: a partial cancellation also says "cancelled", a delivery notice often says
 * "shipped", and a shipping notice repeats "order" and "thank you".
 */
const PRECEDENCE: readonly ClassifiedKind[] = [
  'partial-cancellation', 'cancellation', 'delivered', 'partial-shipping', 'shipping', 'order-confirmation'
]

// What has not happened (yet): "could not be cancelled", "will be cancelled unless you update your payment", "has not
// shipped yet", "unable to cancel", "is being prepared for shipment", "cancellation request received". The words
// "cancelled" and "shipped" in them must not set the status they deny.
const UNREALIZED = new RegExp([
  String.raw`\b(?:not|never|\w+n['’]t|unable to|failed to|yet to|about to|will|may|might|going to)(?:\s+(?:yet|be|been|being|have|get|able to))*\s+(?:ship(?:ped)?|deliver(?:ed)?|cancel+(?:ed)?|dispatch(?:ed)?|confirm(?:ed)?|placed?)\b`,
  String.raw`\b(?:being|getting)\s+(?:prepared|packed|readied|ready)\s+(?:for|to)\s+(?:ship(?:ment|ping)?|deliver(?:y)?)\b`,
  String.raw`\bready\s+(?:for|to)\s+ship(?:ment|ping)?\b`,
  String.raw`\bcancel+ation\s+request\b|\brequest(?:ed)?\s+to\s+cancel\b`
].join('|'), 'gi')

/**
 * The subject decides when it can (rule patterns, then generic ones); the body is the fallback. A shipping subject
 * is refined by the body: Shopify and others send the same subject for every shipment and say "some items" inside.
 */
export function classifyEmail (rule: RetailerRule, subject: string, body: string): EmailKind {
  const said = subject.replace(UNREALIZED, ' ')
  const kind = firstKind(rule.subjects, said) ?? firstKind(generic.subjects, said)
  if (kind === 'shipping' && isPartialShipment(rule, body)) return 'partial-shipping'
  return kind ??
    firstKind(rule.bodies, body) ??
    firstKind(generic.bodies, body) ??
    'unknown'
}

function isPartialShipment (rule: RetailerRule, body: string): boolean {
  const patterns = [...rule.bodies?.['partial-shipping'] ?? [], ...generic.bodies?.['partial-shipping'] ?? []]
  return patterns.some(pattern => pattern.test(body))
}

function firstKind (patterns: RetailerRule['subjects'], text: string): ClassifiedKind | undefined {
  if (patterns === undefined || text === '') return undefined
  return PRECEDENCE.find(kind => patterns[kind]?.some(pattern => pattern.test(text)) === true)
}
