import { generic, type RetailerRule } from './retailers/index.ts'

/**
 * The order number: the rule's own formats first (on the subject, then the body), the generic labelled ones after.
 * The body must have its URLs blanked: click-tracking tokens are full of digits.
 */
export function findOrderNumber (rule: RetailerRule, subject: string, body: string): string | undefined {
  const attempts: Array<[readonly RegExp[] | undefined, string]> = [
    [rule.orderNumbers, subject], [rule.orderNumbers, body], [generic.orderNumbers, subject], [generic.orderNumbers, body]
  ]
  for (const [patterns, text] of attempts) {
    for (const pattern of patterns ?? []) {
      const number = pattern.exec(text)?.[1]?.replace(/^[-#]+|-+$/g, '')
      if (number !== undefined && number !== '') return number
    }
  }
  return undefined
}
