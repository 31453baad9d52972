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
    if (typeof v === 'string') return mentionsAddress(v, needle) ? ERASED : v
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

// Characters an address can have around the part that matched: ann@shop.com is inside joann@shop.com, mary+ann@shop.com
// and ann@shop.com.au, which are other people's addresses.
const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u
const DOMAIN_CHAR = /[\p{L}\p{N}_-]/u
// A JSON escape (`\n`, `\u00e9`) just before the address ends the text before it, though it ends in a letter or digit.
const ESCAPE_BEFORE = /(?:\\[nrtbf"/\\]|\\u[0-9a-f]{4})$/i

/**
 * Whether a text (a raw body, JSON, a form, an email) carries this address (lower case) as an address of its own, as
 * written or %-encoded: not as the end of a longer local part or the start of a longer domain.
 */
export function mentionsAddress (text: string, address: string): boolean {
  const lowered = text.toLowerCase()
  if (lowered.includes(address) && standsAlone(lowered, address)) return true
  // A form or a URL writes the address %-encoded, and whatever is around it too (mary%2Bann%40shop.com is mary+ann).
  if (!lowered.includes('%')) return false
  const decoded = lowered.replace(/%([0-9a-f]{2})/g, (_escape, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
  return decoded !== lowered && decoded.includes(address) && standsAlone(decoded, address)
}

function standsAlone (text: string, address: string): boolean {
  for (let at = text.indexOf(address); at !== -1; at = text.indexOf(address, at + 1)) {
    const before = text.slice(Math.max(0, at - 6), at)
    const after = text.slice(at + address.length, at + address.length + 2)
    const startsHere = before === '' || !LOCAL_CHAR.test(before.slice(-1)) || ESCAPE_BEFORE.test(before)
    const endsHere = after === '' || (!DOMAIN_CHAR.test(after[0] ?? '') && !(after[0] === '.' && DOMAIN_CHAR.test(after[1] ?? '')))
    if (startsHere && endsHere) return true
  }
  return false
}
