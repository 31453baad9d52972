import { AMOUNT, tidyAmount } from './money-text.ts'

const TOTAL = new RegExp(String.raw`^(?:order total|grand total|total(?: charged| paid| ttc)?|estimated total|gesamt(?:summe|betrag)?|summe|montant total)\s*(?:\([^)]*\))?\s*[:-]?\s*(${AMOUNT})(?![\d.,])`, 'i')

/** The order's total as written ("$145.50", "£215.00", "189,00 €"); never a subtotal. */
export function findTotal (body: string): string | undefined {
  for (const line of body.split('\n')) {
    const match = TOTAL.exec(line.trim())
    if (match?.[1] !== undefined) return tidyAmount(match[1])
  }
  return undefined
}
