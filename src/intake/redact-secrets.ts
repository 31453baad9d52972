import { REDACTED } from './redact.ts'

// Account lists, and the bots that print the account they checked out with, write a login as "email:password" (or
// with "|" or ";"), in any field and in free text ("Account: ||john@example.com:hunter2||"). The password must never
// be stored or shown: it is replaced by the marker wherever it is written, so `accountEmail` still finds the address.
// Bounded as RFC 5321 bounds them (64 characters before the @, labels of 63), so a long run of "a.a.a…" in a body is
// scanned in linear time, not backtracked over.
const ADDRESS_CHAR = String.raw`[^\s:|;@<>()[\]{}"'\`*~=,\\]`
const LABEL_CHAR = String.raw`[^\s:|;@<>()[\]{}"'\`*~=,\\.]`
const ADDRESS = `${ADDRESS_CHAR}{1,64}@(?:${LABEL_CHAR}{1,63}\\.){1,8}${LABEL_CHAR}{1,63}`
// `||john@example.com||` is an address in a spoiler, not a login. An address starts after a space or punctuation,
// never after ":" or "/": in `http://user:pass@10.0.0.1:8080` (a proxy, which users track as written) the text after
// the host is a port.
const LOGIN = new RegExp(`(?<![^\\s|;<>()[\\]{}"'\`*~=,\\\\])(${ADDRESS})([ \\t]*[:|;][ \\t]*)(?!\\|)(\\S{1,256})(?!\\S)`, 'g')
const WHOLE_ADDRESS = new RegExp(`^${ADDRESS}$`)
// Discord markup closing around a value (`||spoiler||`, `**bold**`, `code`) is not part of the password.
const CLOSING_MARKUP = /(?:\|\||\*|_{2}|`|~~)+$/

// Names of values that are secrets whoever sends them: an account's password (bots that create or log into accounts
// print "Password"), a card's security code. Compared as words, lower-cased, by the last word (`accountPassword`,
// `Account Password`, `card_cvv` alike; `password_reset_url` and Shopify's `cvv_result_code` are not secrets).
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'passcode', 'passphrase', 'cvv', 'cvc', 'cvv2', 'cvc2', 'cvn'])
const SECRET_NAMES = new Set(['pass', 'acc pass', 'account pass', 'login pass', 'security code', 'card security code'])
// "Password: hunter2", "**CVV:** 123", "> Password - hunter2", "Size: 10 | Password: hunter2" in a description.
const LABEL_LINE = /(^|\s\|\s)([^\S\n]*(?:[>*_~`-][^\S\n]*)*)([^:：|\n]{1,40}?)([*_~`]*[^\S\n]*(?:[:：]|\s[-–»→=]\s)[*_|~`]*[^\S\n]*)(\S(?:(?!\s\|\s)[^\n])*)/gm

// Every secret name holds one of these: most keys and strings are passed over on this test alone.
const SECRET_HINT = /pass|pwd|cvv|cvc|cvn|secur/i

/** Whether a field or key name (`Password`, `accountPassword`, `CVV`) names a secret. */
export function isSecretName (name: string): boolean {
  if (!SECRET_HINT.test(name)) return false
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
  return SECRET_NAMES.has(words) || SECRET_WORDS.has(words.slice(words.lastIndexOf(' ') + 1))
}

/**
 * Text with the password of every "email:password" login, and the value of every `Password: …` line, replaced by
 * `[redacted]`. What follows an address is not a password when it is a label ("john@example.com | Size: 10"),
 * another address (a list of them) or the marker itself.
 */
export function redactSecretText (text: string): string {
  const lines = SECRET_HINT.test(text)
    ? text.replace(LABEL_LINE, (line, start: string, before: string, label: string, separator: string, value: string) =>
      isSecretName(label) && !value.startsWith(REDACTED) ? `${start}${before}${label}${separator}${REDACTED}` : line)
    : text
  if (!lines.includes('@')) return lines
  return lines.replace(LOGIN, (whole, address: string, separator: string, run: string) => {
    const password = run.replace(CLOSING_MARKUP, '')
    if (password === '' || password.startsWith(REDACTED) || password.endsWith(':') || WHOLE_ADDRESS.test(password)) return whole
    return `${address}${separator}${REDACTED}${run.slice(password.length)}`
  })
}

/**
 * A parsed body with its secrets redacted: logins and `Password:` lines in every string, the value of every key that
 * names a secret, and the `value` of a bot's field (`{ "name": "Password", "value": … }`, Slack's `title`) that does.
 * `values` are the strings taken out whole, for finding them in the body's text.
 */
export function scrubSecrets (value: unknown): { value: unknown, found: boolean, values: Set<string> } {
  const values = new Set<string>()
  let found = false
  const hide = (v: unknown): unknown => {
    if (typeof v === 'object' && v !== null) return walk(v, true)
    if ((typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'bigint') || v === '' || v === REDACTED) return v
    found = true
    values.add(String(v))
    return REDACTED
  }
  const walk = (v: unknown, secret = false): unknown => {
    if (secret) return Array.isArray(v) || isPlainRecord(v) ? mapContainer(v, (item) => hide(item)) : hide(v)
    if (typeof v === 'string') {
      const clean = redactSecretText(v)
      if (clean !== v) found = true
      return clean
    }
    if (Array.isArray(v)) return v.map((item) => walk(item))
    if (!isPlainRecord(v)) return v
    const label = typeof v.name === 'string' ? v.name : typeof v.title === 'string' ? v.title : undefined
    const fieldIsSecret = label !== undefined && 'value' in v && isSecretName(label)
    return mapContainer(v, (item, key) => walk(item, isSecretName(key) || (fieldIsSecret && key === 'value')))
  }
  // Most bodies hold no secret: looked through first, copied only when one is there.
  if (!holdsSecret(value)) return { value, found: false, values }
  const clean = walk(value)
  return { value: found ? clean : value, found, values }
}

function holdsSecret (value: unknown): boolean {
  if (typeof value === 'string') return redactSecretText(value) !== value
  if (Array.isArray(value)) return value.some(holdsSecret)
  if (!isPlainRecord(value)) return false
  for (const key in value) {
    if (isSecretName(key) || holdsSecret(value[key])) return true
  }
  const label = typeof value.name === 'string' ? value.name : typeof value.title === 'string' ? value.title : undefined
  return label !== undefined && 'value' in value && isSecretName(label)
}

function isPlainRecord (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype
}

function mapContainer (value: unknown, map: (item: unknown, key: string) => unknown): unknown {
  if (Array.isArray(value)) return value.map((item, i) => map(item, String(i)))
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    // defineProperty: a `__proto__` key is data, as the body parser keeps it.
    Object.defineProperty(out, key, { value: map(item, key), enumerable: true, writable: true, configurable: true })
  }
  return out
}

// A JSON string literal; on valid JSON text the scan from the start pairs every quote correctly.
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g

/**
 * JSON text with every string literal that holds a secret rewritten without it (a login's password, a `Password:`
 * line, or one of `values` whole); every other byte is kept as sent. A string that is itself JSON (a `payload_json`
 * sent inside another body) is redacted the same way inside.
 */
export function redactJsonText (text: string, values: ReadonlySet<string> = new Set()): string {
  return text.replace(JSON_STRING, (literal) => {
    let value: unknown
    try {
      value = JSON.parse(literal)
    } catch {
      return literal
    }
    if (typeof value !== 'string') return literal
    if (values.has(value)) return `"${REDACTED}"`
    const inner = /^\s*[[{]/.test(value) ? redactJsonText(value, values) : value
    const clean = redactSecretText(inner)
    return clean === value ? literal : asciiJson(clean)
  })
}

/** A JSON string literal in ASCII alone, so it reads the same in whatever charset the body around it is in. */
function asciiJson (text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
