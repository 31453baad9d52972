import { DomainError } from '../domain-error.ts'
import { currencyOf, hasNoMinorUnit } from './currency-of.ts'

// Sign, digits with optional thousands separators, optional decimals. Currency symbols and codes around it are dropped:
// any currency sign ("$", "￥", "₩"), and a code or word of up to three letters in any script ("USD", "zł", "円").
const MONEY = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/
const CURRENCY_NOISE = /^(?:\p{L}{1,3}\.?\s*)?\p{Sc}?\s*|\s*\p{Sc}?\s*(?:\p{L}{1,3}\.?)?$/gu
// A note after the amount, as Japanese shops print every price ("¥19,800 (税込)": tax included) and others "(incl. VAT)".
const TRAILING_NOTE = /\s*[(（][^()（）]{1,30}[)）]\s*$/

const MAX_AMOUNT_LENGTH = 64

/** The largest amount kept exactly by every store (NUMERIC(14,2) and a double alike). */
const MAX_CENTS = 10n ** 14n

/**
 * Reads an amount as a decimal string with two places ("1299.00"). Numbers and strings such as "$1,299.00",
 * "1299", "USD 12.5", "-3.10", "1.299,50 €", "CHF 1'299.50", "￥19,800" and "19.800円" are accepted; more than two
 * decimals are rounded half away from zero. `currency` is the order's, when the amount does not name its own.
 */
export function parseMoney (value: unknown, field: string, currency?: string): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(field, value)
    return parseMoney(value.toFixed(6), field)
  }
  if (typeof value !== 'string') throw invalid(field, value)
  // No amount is written in more than a few dozen characters ("USD 1,234,567.89 (incl. shipping)"); longer text is
  // refused before the patterns below, which backtrack on long runs of spaces.
  if (value.length > MAX_AMOUNT_LENGTH) throw invalid(field, value)
  // A free item (a giveaway, a raffle won, a 100% code): checkout pages and bots print the word, not 0.00.
  if (/^\s*free\s*$/i.test(value)) return '0.00'
  const text = value.trim().replace(TRAILING_NOTE, '')
  const signed = /^([+-])\s*(.*)$/.exec(text)
  const named = currencyOf(text) ?? currency
  const cleaned = withDecimalPoint((signed?.[2] ?? text).replace(CURRENCY_NOISE, ''), named !== undefined && hasNoMinorUnit(named))
  const match = MONEY.exec(`${signed?.[1] ?? ''}${cleaned}`)
  if (match === null || (match[2] === undefined && match[3] === undefined)) throw invalid(field, value)
  const sign = match[1] === '-' ? -1n : 1n
  const whole = BigInt((match[2] ?? '0').replaceAll(',', ''))
  const decimals = match[3] ?? ''
  let cents = whole * 100n + BigInt((decimals + '00').slice(0, 2))
  if (decimals.length > 2 && Number(decimals[2]) >= 5) cents += 1n
  if (cents >= MAX_CENTS) throw new DomainError('INVALID_FIELD', `${field} is out of range: ${preview(value)}`, { field })
  return formatCents(sign * cents)
}

// European shops group thousands with dots, spaces (often no-break ones) or apostrophes (Switzerland) and may write
// the decimals after a comma: "1.299,50 €", "1 299,50 €", "CHF 1'299.50", "179,99 €". A lone dot or comma group of
// three digits ("1.299", "1,299") stays as MONEY reads it: a decimal point and a thousands comma.
const SPACE_OR_APOSTROPHE_GROUPS = /^\d{1,3}(?:[ \u00a0\u202f'’]\d{3})+(?:[.,]\d{1,2})?$/
const DOT_GROUPS_DECIMAL_COMMA = /^\d{1,3}(?:\.\d{3})+,\d{1,2}$/
const DECIMAL_COMMA = /^\d+,\d{1,2}$/
const GROUPS_ONLY = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/

/**
 * The amount with its thousands groups unmarked and a decimal point, when written the European ways above. In a
 * currency without a minor unit (JPY, KRW) a dot or comma before three digits can only group thousands: "JPY 19.800".
 */
function withDecimalPoint (amount: string, wholeUnits: boolean): string {
  if (wholeUnits && GROUPS_ONLY.test(amount)) return amount.replace(/[.,]/g, '')
  if (SPACE_OR_APOSTROPHE_GROUPS.test(amount)) return amount.replace(/[ \u00a0\u202f'’]/g, '').replace(',', '.')
  if (DOT_GROUPS_DECIMAL_COMMA.test(amount)) return amount.replaceAll('.', '').replace(',', '.')
  if (DECIMAL_COMMA.test(amount)) return amount.replace(',', '.')
  return amount
}

export function formatCents (cents: bigint): string {
  const negative = cents < 0n
  const abs = negative ? -cents : cents
  const text = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
  return negative && abs !== 0n ? `-${text}` : text
}

export function toCents (money: string): bigint {
  const negative = money.startsWith('-')
  const [whole = '0', decimals = ''] = money.replace('-', '').split('.')
  const cents = BigInt(whole) * 100n + BigInt((decimals + '00').slice(0, 2))
  return negative ? -cents : cents
}

function invalid (field: string, value: unknown): DomainError {
  return new DomainError('INVALID_FIELD', `${field} must be an amount such as 99.99 or "$1,299.00", got ${preview(value)}`, { field })
}

export function preview (value: unknown): string {
  // A bigint (an integer beyond 2^53 from the lossless parser) has no JSON form of its own.
  // A number too large for a double (1e400) arrives as Infinity, which JSON would show as null.
  const text = typeof value === 'number' && !Number.isFinite(value)
    ? String(value)
    : JSON.stringify(value, (_key, v: unknown) => typeof v === 'bigint' ? v.toString() : v) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}
