import { DomainError } from '../domain-error.ts'
import {
  FIELD_COLUMNS, MONEY_FIELDS, ORDER_FIELDS, type OrderField, type OrderItem, type OrderPatch, type OrderValues, type RawOrderItem,
  type RawOrderPatch, type Tracking
} from './order-patch.ts'
import { accountEmail } from './account-email.ts'
import { currencyOf } from './currency-of.ts'
import { normalizeStatus } from './order-status.ts'
import { isNoTime, parseDate } from './parse-date.ts'
import { parseMoney, preview } from './parse-money.ts'

export const MAX_ORDER_NUMBER_LENGTH = 255
const MAX_TEXT_LENGTH = 2000
const MAX_QUANTITY = 1_000_000
// Control characters other than tab and newline; PostgreSQL refuses NUL in text outright.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g

/**
 * Turns what a reader extracted into a patch of exact values, or throws a DomainError naming the field at fault.
 * A field that is absent, null or an empty string is left out, so it leaves the stored value alone.
 */
export function normalizePatch (raw: RawOrderPatch): OrderPatch {
  const patch: OrderPatch = { orderNumber: readOrderNumber(raw.orderNumber), fields: {} }
  const values: Partial<Record<OrderField, unknown>> = patch.fields
  // Read first: amounts in a currency without a minor unit ("JPY", "19.800") are whole.
  const currency = isBlank(raw.fields.currency) ? currencyOfAmounts(raw.fields) : readField('currency', raw.fields.currency, undefined) as string
  for (const field of ORDER_FIELDS) {
    const value = raw.fields[field]
    if (isBlank(value) || (field === 'orderDate' && isNoTime(value))) continue
    values[field] = readField(field, value, currency)
  }
  if (currency !== undefined) values.currency = currency
  if (raw.items !== undefined) patch.items = raw.items.map((item, i) => readItem(item, i, currency))
  if (raw.trackings !== undefined) patch.trackings = readTrackings(raw.trackings)
  if (raw.voidTrackings !== undefined) {
    const live = new Set(patch.trackings?.map((t) => t.number))
    const voided = readTrackings(raw.voidTrackings.map((number) => ({ number }))).map((t) => t.number).filter((n) => !live.has(n))
    if (voided.length > 0) patch.voidTrackings = voided
  }
  if (raw.extra !== undefined && Object.keys(raw.extra).length > 0) patch.extra = withBigintsAsText(raw.extra)
  if (!isBlank(raw.sourceUpdatedAt) && !isNoTime(raw.sourceUpdatedAt)) patch.sourceUpdatedAt = parseDate(raw.sourceUpdatedAt, 'updated_at')
  if (!isBlank(raw.checkoutStatus)) patch.checkoutStatus = normalizeStatus(readText(raw.checkoutStatus, 'status'))
  if (raw.fillIn === true) patch.fillIn = true
  if (raw.existingOnly === true) patch.existingOnly = true
  return patch
}

// Written where a script had no number (a template's `${order.id}` of an undefined id, a spreadsheet's "N/A"): stored,
// every such delivery would merge into one order under the word.
const NO_NUMBER = new Set(['-', '--', 'n/a', 'na', 'null', 'undefined', 'none', 'nan', '[object object]'])

/**
 * The order number as normalising would store it, or undefined where it would refuse it: a delivery refused for
 * another field is still recorded under its order, so it can be found by number.
 */
export function orderNumberIfValid (value: unknown): string | undefined {
  try {
    return readOrderNumber(value)
  } catch {
    return undefined
  }
}

function readOrderNumber (value: unknown): string {
  if (isBlank(value)) {
    throw new DomainError('ORDER_NUMBER_MISSING', 'order_number is required and must not be empty', { field: 'order_number' })
  }
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') {
    throw new DomainError('INVALID_FIELD', `order_number must be a string or a number, got ${preview(value)}`, { field: 'order_number' })
  }
  // "#1001" is how shops and emails write order 1001 (Shopify's name, "Order #1001"): one order, whoever sends it.
  const text = cleanText(String(value)).replace(/^#\s*/, '')
  if (text === '') throw new DomainError('ORDER_NUMBER_MISSING', 'order_number must not be empty', { field: 'order_number' })
  if (NO_NUMBER.has(text.toLowerCase())) {
    throw new DomainError('ORDER_NUMBER_MISSING', `order_number ${JSON.stringify(text)} stands for no number; send the order's own number`, { field: 'order_number' })
  }
  if (text.length > MAX_ORDER_NUMBER_LENGTH) {
    throw new DomainError('INVALID_FIELD', `order_number is longer than ${MAX_ORDER_NUMBER_LENGTH} characters`, { field: 'order_number' })
  }
  return text
}

/** The currency the money fields name when no currency field does: "€89,90" is 89.90 EUR, not 89.90 of nothing. */
function currencyOfAmounts (fields: RawOrderPatch['fields']): string | undefined {
  for (const field of MONEY_FIELDS) {
    const value = fields[field]
    const currency = typeof value === 'string' ? currencyOf(value) : undefined
    if (currency !== undefined) return currency
  }
  return undefined
}

function readField (field: OrderField, value: unknown, currency: string | undefined): OrderValues[OrderField] {
  const label = FIELD_COLUMNS[field]
  if ((MONEY_FIELDS as readonly string[]).includes(field)) return parseMoney(value, label, currency)
  if (field === 'quantity') return readQuantity(value, label)
  if (field === 'orderDate') return parseDate(value, label)
  const text = readText(value, label)
  if (field === 'trackingNumber') return trackingNumberOf(text)
  if (field === 'status') return normalizeStatus(text)
  if (field === 'email') return accountEmail(text)
  // A script may send the sign for the code ("€", "¥"): one currency, whichever way it is written, sums as one.
  if (field === 'currency') return currencyOf(text) ?? text.toUpperCase()
  return text
}

// How checkout bots and spreadsheets write a count: "2", "x2", "2x", "×2", "2 pcs", "2 pairs", "2 units".
const COUNT = /^\s*(?:[x×]\s*)?[+]?(\d+)(?:\.0+)?\s*(?:[x×]|pcs?\.?|pieces?|pairs?|units?)?\s*$/i

/** A quantity as normalising reads it, or undefined where it would refuse it. */
export function quantityIfValid (value: unknown): number | undefined {
  try {
    return readQuantity(value, 'quantity')
  } catch {
    return undefined
  }
}

export function readQuantity (value: unknown, label: string): number {
  const count = typeof value === 'string' ? COUNT.exec(value)?.[1] : undefined
  const n = count !== undefined ? Number(count) : value
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_QUANTITY) {
    throw new DomainError('INVALID_FIELD', `${label} must be a whole number from 0 to ${MAX_QUANTITY}, got ${preview(value)}`, { field: label })
  }
  return n
}

function readText (value: unknown, label: string): string {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new DomainError('INVALID_FIELD', `${label} must be text, got ${preview(value)}`, { field: label })
  }
  const text = cleanText(String(value))
  if (text.length > MAX_TEXT_LENGTH) {
    throw new DomainError('INVALID_FIELD', `${label} is longer than ${MAX_TEXT_LENGTH} characters`, { field: label })
  }
  return text
}

function readItem (item: RawOrderItem, index: number, currency: string | undefined): OrderItem {
  const at = `items[${index}]`
  return {
    title: isBlank(item.title) ? null : readText(item.title, `${at}.title`),
    variant: isBlank(item.variant) ? null : readText(item.variant, `${at}.variant`),
    sku: isBlank(item.sku) ? null : readText(item.sku, `${at}.sku`),
    quantity: isBlank(item.quantity) ? 1 : readQuantity(item.quantity, `${at}.quantity`),
    unitPrice: isBlank(item.unitPrice) ? null : parseMoney(item.unitPrice, `${at}.unit_price`, currency)
  }
}

function readTrackings (trackings: Array<{ number: unknown, carrier?: unknown }>): Tracking[] {
  const seen = new Set<string>()
  const result: Tracking[] = []
  for (const [i, tracking] of trackings.entries()) {
    if (isBlank(tracking.number)) continue
    const number = trackingNumberOf(readText(tracking.number, `trackings[${i}].number`))
    if (seen.has(number)) continue
    seen.add(number)
    result.push({ number, carrier: isBlank(tracking.carrier) ? null : readText(tracking.carrier, `trackings[${i}].carrier`) })
  }
  return result
}

/**
 * A tracking number as carriers print it and their sites take it: upper case, without the spaces it is often written
 * with ("9400 1118 9922 3856 9284 99", "1z999aa1…"), so one parcel is one tracking row however a sender wrote it.
 */
function trackingNumberOf (text: string): string {
  return text.replace(/\s+/g, '').toUpperCase()
}

function cleanText (text: string): string {
  return text.replace(CONTROL, '').trim()
}

/** Absent, null, or text with nothing left once control characters are dropped (`"\u0000"` leaves a field alone). */
export function isBlank (value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && cleanText(value) === '')
}

/**
 * Unknown fields are stored as JSON, which has no form for a bigint (an id above 2^53 from the lossless parser): it is
 * kept as its exact digits in a string rather than rounded.
 */
function withBigintsAsText (extra: Record<string, unknown>): Record<string, unknown> {
  const convert = (value: unknown): unknown => {
    if (typeof value === 'bigint') return value.toString()
    if (Array.isArray(value)) return value.map(convert)
    if (typeof value !== 'object' || value === null) return value
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, key, { value: convert(item), enumerable: true, writable: true, configurable: true })
    }
    return out
  }
  return convert(extra) as Record<string, unknown>
}
