// Money arrives as exact decimal strings; it is grouped as text so a total is shown exactly as stored.

export function formatMoney (value: string | null | undefined, currency?: string | null): string {
  if (value === null || value === undefined || value === '') return ''
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim())
  if (match === null) return value
  const [, sign = '', whole = '0', fraction] = match
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const amount = fraction === undefined ? grouped : `${grouped}.${fraction.padEnd(2, '0')}`
  // No currency sent: the amount alone, rather than a symbol that may be wrong.
  if (currency === null || currency === undefined || currency === '') return `${sign}${amount}`
  const symbol = currencySymbol(currency)
  return symbol === undefined ? `${sign}${amount} ${currency}` : `${sign}${symbol}${amount}`
}

const symbols = new Map<string, string | undefined>()

function currencySymbol (code: string): string | undefined {
  if (!symbols.has(code)) {
    let symbol: string | undefined
    try {
      const parts = new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).formatToParts(0)
      symbol = parts.find((part) => part.type === 'currency')?.value
    } catch {
      // Not an ISO 4217 code (a sender's free text): the code is shown after the amount instead.
      symbol = undefined
    }
    symbols.set(code, symbol)
  }
  return symbols.get(code)
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' })

export function formatDateTime (iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return ''
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date)
}

/** Today's timestamps as a time only; older ones with their date. */
export function formatWhen (iso: string, now = new Date()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toDateString() === now.toDateString() ? timeOnly.format(date) : dateTime.format(date)
}

export function formatCount (value: number): string {
  return value.toLocaleString('en-US')
}

export function formatBytes (size: number): string {
  if (size < 1024) return `${size} B`
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`
  return `${(size / 1024 / 1024).toFixed(1)} MB`
}

/** A value from the change timeline (any JSON) as one line of text. */
export function formatValue (value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}
