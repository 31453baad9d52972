import type { EmailKind } from './email-reading.ts'
import { generic, type ClassifiedKind, type RetailerRule } from './retailers/index.ts'

/**
 * The order kinds are tried in: a partial cancellation also says "cancelled", a delivery notice often says
 * "shipped", and a shipping notice repeats "order" and "thank you".
 */
const PRECEDENCE: readonly ClassifiedKind[] = [
  'partial-cancellation', 'cancellation', 'delivered', 'partial-shipping', 'shipping', 'order-confirmation'
]

/**
 * The subject decides when it can (rule patterns, then generic ones); the body is the fallback. A shipping subject
 * is refined by the body: Shopify and others send the same subject for every shipment and say "some items" inside.
 */
export function classifyEmail (rule: RetailerRule, subject: string, body: string): EmailKind {
  const kind = firstKind(rule.subjects, subject) ?? firstKind(generic.subjects, subject)
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
