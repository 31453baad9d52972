import { isDomainError } from '../domain-error.ts'
import { currencyOf } from '../orders/currency-of.ts'
import { formatCents, parseMoney, toCents } from '../orders/parse-money.ts'
import { readItemLine, type ItemLine } from './read-item-line.ts'

export interface EmailItem {
  title: string
  size: string | null
  sku: string | null
  quantity: number | null
  price: string | null
}

// Lines that end the item list: the money summary below it.
const SUMMARY = /^(?:sub-?total|order total|grand total|total|estimated tax|tax|shipping(?: & handling)?|payment|billing)\b/i
// Lines that are never a product title (the greetings and sentences of German and French mail too).
// Shopify's (and WooCommerce's) line: "Air Jordan 4 Retro × 2", its variant ("10.5", "Black / L") on the next line
// and the price of the whole line (the line's final price, not the unit's) after it.
const COUNTED_TITLE = /^(.+?)\s*×\s*(\d{1,4})$/
const VARIANT = /^[^\t]{1,40}$/
const NOT_TITLE = /^(?:hi|hello|hey|dear|thanks?|thank you|your|we|our|order|items?|qty|quantity|size|track|view|questions?|estimated|arriving|ship(?:ping|ped)? to|deliver(?:y|ed|ing)|summary|need help|contact|status|the following|cancel|return|sold by|carrier|hallo|liebe|deine|ihre|wir|unser|bestellung|vielen dank|bonjour|cher|chère|votre|vos|nous|notre|merci|commande|\d)/i

/**
 * Product lines as most retailer templates lay them out: a title line, then labelled "Size: 10", "Qty: 1" and a
 * price, on their own lines or in table cells of one line. Best effort: an email without labels yields no items.
 */
export function findItems (body: string, section?: { start?: RegExp, end?: RegExp }): EmailItem[] {
  const items: EmailItem[] = []
  let title: string | null = null
  let current: EmailItem | null = null
  let counted: { item: EmailItem, hasVariant: boolean } | null = null
  for (const line of sectionLines(body, section)) {
    if (SUMMARY.test(line) && items.length > 0) break
    const countedTitle = COUNTED_TITLE.exec(line)
    if (countedTitle?.[1] !== undefined && isTitle(countedTitle[1])) {
      current = { title: countedTitle[1], size: null, sku: null, quantity: Number(countedTitle[2]), price: null }
      counted = { item: current, hasVariant: false }
      items.push(current)
      title = null
      continue
    }
    const read = readItemLine(line)
    if (counted?.item === current && current !== null && !counted.hasVariant && !hasDetail(read) && VARIANT.test(line)) {
      current.size = line
      counted.hasVariant = true
      continue
    }
    if (!hasDetail(read)) {
      if (isTitle(line)) { title = read.rest; current = null }
      continue
    }
    const startsItem = current === null || repeats(current, read) || (read.rest !== '' && isTitle(read.rest))
    if (startsItem) {
      const itemTitle = read.rest !== '' && isTitle(read.rest) ? read.rest : title
      if (itemTitle === null) continue
      current = { title: itemTitle, size: null, sku: null, quantity: null, price: null }
      items.push(current)
      title = null
    }
    if (current === null) continue
    current.size = read.size ?? current.size
    current.sku = read.sku ?? current.sku
    current.quantity = read.quantity ?? current.quantity
    current.price = read.price ?? current.price
    if (counted?.item === current && read.price !== null) current.price = unitPrice(read.price, current.quantity)
  }
  return items
}

/** A line's price for several as the price of one: "$80.00" for "Tee × 2" is 40.00 each; null if it does not divide. */
function unitPrice (linePrice: string, quantity: number | null): string | null {
  if (quantity === null || quantity <= 1) return linePrice
  let cents: bigint
  try {
    cents = toCents(parseMoney(linePrice, 'price'))
  } catch (error) {
    if (!isDomainError(error)) throw error
    return null
  }
  if (cents % BigInt(quantity) !== 0n) return null
  const currency = currencyOf(linePrice)
  return `${currency === undefined ? '' : `${currency} `}${formatCents(cents / BigInt(quantity))}`
}

// A label whose value is on the next line: WooCommerce's item meta is "<strong>Size:</strong> <p>10.5</p>".
const LABEL_ALONE = /^(?:size|sz|us size|qty|quantity|style|sku|colou?r|größe|grösse|taille|menge|anzahl|quantité|サイズ|数量)\s*[:：]$/iu

function sectionLines (body: string, section?: { start?: RegExp, end?: RegExp }): string[] {
  const lines = joinLabels(body.split('\n').map(line => line.trim()).filter(line => line !== ''))
  const start = section?.start === undefined ? 0 : lines.findIndex(line => section.start?.test(line) === true)
  if (start < 0) return []
  const rest = lines.slice(start + (section?.start === undefined ? 0 : 1))
  const end = section?.end === undefined ? -1 : rest.findIndex(line => section.end?.test(line) === true)
  return end < 0 ? rest : rest.slice(0, end)
}

function joinLabels (lines: readonly string[]): string[] {
  const joined: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const next = lines[i + 1]
    if (LABEL_ALONE.test(line) && next !== undefined && !LABEL_ALONE.test(next)) {
      joined.push(`${line} ${next}`)
      i++
    } else {
      joined.push(line)
    }
  }
  return joined
}

function hasDetail (read: ItemLine): boolean {
  return read.size !== null || read.sku !== null || read.quantity !== null || read.price !== null
}

function repeats (item: EmailItem, read: ItemLine): boolean {
  return (read.size !== null && item.size !== null) || (read.quantity !== null && item.quantity !== null)
}

function isTitle (line: string): boolean {
  return line.length <= 150 && /[A-Za-z].*[A-Za-z].*[A-Za-z]/.test(line) && !NOT_TITLE.test(line) && !/[:?!]$/.test(line)
}
