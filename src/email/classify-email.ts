import type { EmailKind } from './email-reading.ts'
import { generic, type ClassifiedKind, type RetailerRule } from './retailers/index.ts'

/**
 * The order kinds are tried in: a partial cancellation also says "cancelled", a delivery notice often says
 * "shipped", and a shipping notice repeats "order" and "thank you".
 */
const PRECEDENCE: readonly ClassifiedKind[] = [
  'partial-cancellation', 'cancellation', 'delivered', 'partial-shipping', 'shipping', 'order-confirmation'
]

/** The subject decides when it can (rule patterns, then generic ones); the body is the fallback. */
export function classifyEmail (rule: RetailerRule, subject: string, body: string): EmailKind {
  return firstKind(rule.subjects, subject) ??
    firstKind(generic.subjects, subject) ??
    firstKind(rule.bodies, body) ??
    firstKind(generic.bodies, body) ??
    'unknown'
}

function firstKind (patterns: RetailerRule['subjects'], text: string): ClassifiedKind | undefined {
  if (patterns === undefined || text === '') return undefined
  return PRECEDENCE.find(kind => patterns[kind]?.some(pattern => pattern.test(text)) === true)
}
