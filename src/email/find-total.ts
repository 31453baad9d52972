import { AMOUNT, tidyAmount } from './money-text.ts'

const LABEL = String.raw`(?:order total|grand total|total(?: charged| paid| ttc)?|estimated total|gesamt(?:summe|betrag)?|summe|montant total)\s*(?:\([^)]*\))?\s*[:-]?`
const TOTAL = new RegExp(String.raw`^${LABEL}\s*(${AMOUNT})(?![\d.,])`, 'i')
const LABEL_ALONE = new RegExp(String.raw`^${LABEL}$`, 'i')
const AMOUNT_FIRST = new RegExp(String.raw`^(${AMOUNT})(?![\d.,])`, 'i')

/**
 * The order's total as written ("$145.50", "£215.00", "189,00 €"); never a subtotal. The label and the amount may
 * be lines of their own: Shopify's template puts each in a paragraph of its own table cell.
 */
export function findTotal (body: string): string | undefined {
  const lines = body.split('\n').map(line => line.trim()).filter(line => line !== '')
  for (const [i, line] of lines.entries()) {
    const match = TOTAL.exec(line) ?? (LABEL_ALONE.test(line) ? AMOUNT_FIRST.exec(lines[i + 1] ?? '') : null)
    if (match?.[1] !== undefined) return tidyAmount(match[1])
  }
  return undefined
}
