// An amount as retailers print it, for the email readers' patterns: "$115.00", "CA$210", "£210.00", "€189,00",
// "189,00 €", "1.299,50 €", "EUR 129,99", "¥19,800". Only signs and codes that parseMoney strips and currencyOf
// names (a bare "$" names none; "¥" is the yen).
const NUMBER = String.raw`(?:\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+)(?:[.,]\d{2})?`
const CODE = '(?:USD|EUR|GBP|CAD|AUD|NZD|JPY|CHF|SEK|NOK|DKK|PLN)'
const SIGN = String.raw`(?:(?:US|CA|C|AU|A|NZ|HK|S)?\$|£|€|¥)`

// Shopify stores that show currency codes write "$250.00 CAD": the code after a bare "$" names the currency.
export const AMOUNT = String.raw`(?:${SIGN}\s?${NUMBER}(?:\s?${CODE}\b)?|${CODE}\s?${NUMBER}|${NUMBER}\s?(?:€|£|${CODE}))`

/** An amount matched by AMOUNT as parseMoney and currencyOf read it: "$ 115.00" as "$115.00", "EUR 129,99" kept. */
export function tidyAmount (amount: string): string {
  return amount.trim().replace(/\s+/g, ' ').replace(/([$£€¥]) /, '$1')
}
