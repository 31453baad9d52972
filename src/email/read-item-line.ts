import { AMOUNT, tidyAmount } from './money-text.ts'

export interface ItemLine {
  size: string | null
  sku: string | null
  quantity: number | null
  price: string | null
  /** What is left of the line once the labelled parts are taken out. */
  rest: string
}

const SEPARATOR = /\s{2,}|\s*[|•·]\s*|\t|,\s*(?=(?:size|qty|quantity|price|colou?r|style|sku)\b)/i
// German, French and Japanese labels too: Größe, Taille, サイズ; Menge, Anzahl, Quantité, 数量.
// The value must be more than the label's own colon: "Size:" alone on its line (its value on the next) is no size ":".
const SIZE = /^(?:size|sz|us size|shoe size|größe|grösse|taille|サイズ)\s*[:：-]?\s*([^\s:：-].*)$/iu
// "Qty canceled: 2 of 3": the first number is the one the label speaks of.
const QUANTITY = /^(?:qty|quantity|quantity ordered|qty ordered|cancel+ed qty|qty cancel+ed|quantity cancel+ed|menge|anzahl|quantité|qté|数量|個数)\s*[:：x-]?\s*(\d{1,4})(?:\s+of\s+\d{1,4})?$/iu
const SKU = /^(?:style|style #|sku|item #|model|article|product code)\s*[:#-]?\s*([A-Z0-9][A-Z0-9-]{3,})$/i
const PRICE = new RegExp(String.raw`^(?:price|item price|unit price|each|preis|prix)?\s*[:-]?\s*(${AMOUNT})(?:\s*/?\s*(?:each|ea\.?|unit))?$`, 'i')
const COUNTED = /^(\d{1,3})\s*[x×]\s+(\p{L}.*)$/iu
// Labelled parts that are read but not kept (colour is part of the title on most templates).
const IGNORED = /^(?:colou?r|width|style name)\s*[:-]\s*.+$/i

/** Splits one line (or one table row) into labelled item details and the remaining text. */
export function readItemLine (line: string): ItemLine {
  const read: ItemLine = { size: null, sku: null, quantity: null, price: null, rest: '' }
  const rest: string[] = []
  const parts = line.split(SEPARATOR).map(segment => segment.trim()).filter(segment => segment !== '')
  for (const [i, part] of parts.entries()) {
    // "2 x Box Logo Hooded Sweatshirt - Heather Grey / Large    $336.00": the quantity written before the title.
    const counted = COUNTED.exec(part)
    if (counted?.[2] !== undefined) {
      read.quantity = Number(counted[1])
      rest.push(counted[2])
      continue
    }
    // A table's Quantity column holds a bare number, in the cell before the price (WooCommerce: "Spray\t1\t$15.00").
    if (/^\d{1,3}$/.test(part) && PRICE.test(parts[i + 1] ?? '')) {
      read.quantity = Number(part)
      continue
    }
    const size = SIZE.exec(part)
    const quantity = QUANTITY.exec(part)
    const sku = SKU.exec(part)
    const price = PRICE.exec(part)
    if (quantity?.[1] !== undefined) read.quantity = Number(quantity[1])
    else if (sku?.[1] !== undefined) read.sku = sku[1]
    else if (price?.[1] !== undefined) read.price = tidyAmount(price[1])
    else if (size?.[1] !== undefined) read.size = size[1].trim()
    else if (!IGNORED.test(part)) rest.push(part)
  }
  read.rest = rest.join(' ')
  return read
}
