// Signs that mean one currency: a bare `$` (or `kr`) could be several, and names none. `¥` and its full-width form `￥`
// are the yen's sign to the resellers' bots and shops (Japanese retailers), unless marked as the yuan's (`CN¥`, `元`,
// `RMB`); `円` is the yen as Japanese shops write it ("19,800円").
const SYMBOL_CURRENCIES: ReadonlyArray<[RegExp, string]> = [
  [/US\$/, 'USD'], [/C\$|CA\$/, 'CAD'], [/A\$|AU\$/, 'AUD'], [/NZ\$/, 'NZD'], [/HK\$/, 'HKD'], [/S\$/, 'SGD'], [/R\$/, 'BRL'],
  [/€/, 'EUR'], [/£/, 'GBP'], [/₹/, 'INR'], [/₩/, 'KRW'], [/CN[¥￥]|元|\bRMB\b/i, 'CNY'], [/[¥￥円]/, 'JPY'],
  [/zł/i, 'PLN'], [/Kč/, 'CZK'], [/₺/, 'TRY'], [/₪/, 'ILS'], [/฿/, 'THB'], [/₫/, 'VND'], [/₱/, 'PHP'], [/₽/, 'RUB']
]
const CURRENCY_CODE = /\b(USD|EUR|GBP|CAD|AUD|NZD|JPY|CHF|SEK|NOK|DKK|PLN|CZK|INR|KRW|CNY|HKD|SGD|MXN|BRL|TWD|THB|ZAR|ILS|AED|SAR|PHP|IDR|MYR|VND|HUF|RON|ISK|CLP|RUB)\b/i

/** The currency an amount names by code or by a sign that means one currency only ("€89,90", "USD 12.5", "CA$210"). */
export function currencyOf (value: string): string | undefined {
  const code = CURRENCY_CODE.exec(value)?.[1]
  if (code !== undefined) return code.toUpperCase()
  return SYMBOL_CURRENCIES.find(([sign]) => sign.test(value))?.[1]
}

/** Whether a currency has no minor unit (JPY, KRW...): its amounts are whole, so "19.800" groups thousands. */
export function hasNoMinorUnit (currency: string): boolean {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits === 0
  } catch {
    return false
  }
}
