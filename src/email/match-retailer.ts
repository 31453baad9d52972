import { generic, RETAILER_RULES, type RetailerRule } from './retailers/index.ts'

export interface RetailerMatch {
  rule: RetailerRule
  /** Empty when the sender is unknown: the generic rule cannot tell the store's name. */
  store: string
}

/** The rule whose sender domain is the address's domain or a parent of it; the generic rule otherwise. */
export function matchRetailer (address: string | null, displayName: string | null, rules = RETAILER_RULES): RetailerMatch {
  const domain = address?.split('@').pop()?.toLowerCase() ?? ''
  let best: { rule: RetailerRule, domain: string, store?: string } | undefined
  for (const rule of rules) {
    for (const sender of rule.senders) {
      const wanted = sender.domain.toLowerCase()
      if (domain !== wanted && !domain.endsWith(`.${wanted}`)) continue
      // The most specific domain wins, so a family member's own domain beats a shared parent.
      if (best === undefined || wanted.length > best.domain.length) best = { rule, domain: wanted, store: sender.store }
    }
  }
  if (best === undefined) return { rule: generic, store: '' }
  const name = best.rule.storeFromDisplayName === true ? displayName?.trim() ?? '' : ''
  return { rule: best.rule, store: name !== '' ? name : best.store ?? best.rule.name }
}
