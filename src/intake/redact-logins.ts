import { REDACTED } from './redact.ts'

// Account lists, and the bots that print the account they checked out with, write a login as "email:password" (or
// with "|" or ";"), in any field and in free text ("Account: ||john@example.com:hunter2||"). The password must never
// be stored or shown: it is replaced by the marker wherever it is written, so `accountEmail` still finds the address.
const ADDRESS_CHAR = String.raw`[^\s:|;@<>()[\]{}"'\`*~=,\\]`
const ADDRESS = `${ADDRESS_CHAR}+@${ADDRESS_CHAR}+\\.${ADDRESS_CHAR}+`
// `||john@example.com||` is an address in a spoiler, not a login. An address starts after a space or punctuation, never after ":" or "/": in `http://user:pass@10.0.0.1:8080` (a proxy,
// which users track as written) the text after the host is a port.
const LOGIN = new RegExp(`(?<![^\\s|;<>()[\\]{}"'\`*~=,\\\\])(${ADDRESS})([ \\t]*[:|;][ \\t]*)(?!\\|)(\\S+)`, 'g')
const WHOLE_ADDRESS = new RegExp(`^${ADDRESS}$`)
// Discord markup closing around a value (`||spoiler||`, `**bold**`, `code`) is not part of the password.
const CLOSING_MARKUP = /(?:\|\||\*+|_{2}|`+|~~)+$/

/**
 * Text with the password of every "email:password" login replaced by `[redacted]`. What follows an address is not a
 * password when it is a label ("john@example.com | Size: 10"), another address (a list of them) or the marker itself.
 */
export function redactLoginText (text: string): string {
  if (!text.includes('@')) return text
  return text.replace(LOGIN, (whole, address: string, separator: string, run: string) => {
    const password = run.replace(CLOSING_MARKUP, '')
    if (password === '' || password.startsWith(REDACTED) || password.endsWith(':') || WHOLE_ADDRESS.test(password)) return whole
    return `${address}${separator}${REDACTED}${run.slice(password.length)}`
  })
}

/** A parsed body with the passwords of its logins redacted in every string, and whether there were any. */
export function scrubLogins (value: unknown): { value: unknown, found: boolean } {
  let found = false
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const clean = redactLoginText(v)
      if (clean !== v) found = true
      return clean
    }
    if (Array.isArray(v)) return v.map(walk)
    if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return v
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(v)) {
      // defineProperty: a `__proto__` key is data, as the body parser keeps it.
      Object.defineProperty(out, key, { value: walk(item), enumerable: true, writable: true, configurable: true })
    }
    return out
  }
  const clean = walk(value)
  return { value: found ? clean : value, found }
}

// A JSON string literal; on valid JSON text the scan from the start pairs every quote correctly.
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g

/**
 * JSON text with every string literal that holds a login rewritten without its password; every other byte is kept as
 * sent. A string that is itself JSON (a `payload_json` sent inside another body) is redacted the same way inside.
 */
export function redactJsonText (text: string): string {
  if (!text.includes('@') && !/\\u0040/i.test(text)) return text
  return text.replace(JSON_STRING, (literal) => {
    if (!literal.includes('@') && !/\\u0040/i.test(literal)) return literal
    let value: unknown
    try {
      value = JSON.parse(literal)
    } catch {
      return literal
    }
    if (typeof value !== 'string') return literal
    const inner = /^\s*[[{]/.test(value) ? redactJsonText(value) : value
    const clean = redactLoginText(inner)
    return clean === value ? literal : asciiJson(clean)
  })
}

/** A JSON string literal in ASCII alone, so it reads the same in whatever charset the body around it is in. */
function asciiJson (text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
