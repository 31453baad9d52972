// Signs that mean one currency only: a bare `$` (or `¥`, `kr`) could be several, and names none.
const SYMBOL_CURRENCIES: ReadonlyArray<[RegExp, string]> = [
  [/US\$/, 'USD'], [/C\$|CA\$/, 'CAD'], [/A\$|AU\$/, 'AUD'], [/NZ\$/, 'NZD'], [/HK\$/, 'HKD'], [/S\$/, 'SGD'], [/R\$/, 'BRL'],
  [/€/, 'EUR'], [/£/, 'GBP'], [/₹/, 'INR'], [/₩/, 'KRW']
]
const CURRENCY_CODE = /\b(USD|EUR|GBP|CAD|AUD|NZD|JPY|CHF|SEK|NOK|DKK|PLN|CZK|INR|KRW|CNY|HKD|SGD|MXN|BRL)\b/i

/** The currency an amount names by code or by a sign that means one currency only ("€89,90", "USD 12.5", "CA$210"). */
export function currencyOf (value: string): string | undefined {
  const code = CURRENCY_CODE.exec(value)?.[1]
  if (code !== undefined) return code.toUpperCase()
  return SYMBOL_CURRENCIES.find(([sign]) => sign.test(value))?.[1]
}
