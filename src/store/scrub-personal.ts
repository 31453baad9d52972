export const ERASED = '[erased]'

// Keys whose values describe a person. "name" alone is too wide (product_name, store_name): only a person's name goes.
const PERSONAL_WORD = /(?:^|_)(?:address|address\d|addr|phone|mobile|tel|telephone|e_?mail|street|city|zip|zipcode|postcode|postal_code|customer|buyer|recipient|billing|shipping_address|ip|ip_address)(?:_|$)/
const PERSON_NAME = /^(?:(?:first|last|full|customer|buyer|recipient|billing|shipping|contact|user|account|cardholder)_?)?name$/

// What ROMS itself records about the email that updated an order (src/email/build-patch.ts): about the email, not the
// person. A subject that quotes the address is still erased, as any text that carries it is.
const EMAIL_BOOKKEEPING = new Set(['email_kind', 'email_subject'])

/** Whether a key (`Shipping Address`, `billingPhone`, `customer.name`) names personal data. */
export function isPersonalKey (key: string): boolean {
  if (EMAIL_BOOKKEEPING.has(key)) return false
  const words = key.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')
  const last = words.split('_').slice(-2).join('_')
  return PERSONAL_WORD.test(words) || PERSON_NAME.test(words) || PERSON_NAME.test(last)
}

/**
 * A copy of a JSON value with personal data replaced by the erasure marker: the values of personal keys (whole, however
 * nested), any string that carries the email, and the old and new values of an event change to a personal field.
 */
export function scrubPersonal (value: unknown, email: string): unknown {
  const needle = email.toLowerCase()
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.toLowerCase().includes(needle) ? ERASED : v
    if (Array.isArray(v)) return v.map(walk)
    if (typeof v !== 'object' || v === null) return v
    const source = v as Record<string, unknown>
    const changeOfPersonalField = typeof source.field === 'string' && isPersonalKey(source.field.replace(/^extra\./, ''))
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(source)) {
      const erase = item !== null && (isPersonalKey(key) || (changeOfPersonalField && (key === 'old' || key === 'new')))
      Object.defineProperty(out, key, { value: erase ? ERASED : walk(item), enumerable: true, writable: true, configurable: true })
    }
    return out
  }
  return walk(value)
}
