// Values bots print for "nothing here"; a field holding one is treated as absent.
const PLACEHOLDERS = new Set(['', '-', '--', '—', 'n/a', 'na', 'none', 'null', 'undefined', 'unknown', 'not available', '?'])

export function isPlaceholder (value: string): boolean {
  return PLACEHOLDERS.has(value.trim().toLowerCase())
}

/** The order number as the store shows it, without the `#` bots put in front ("#1001" -> "1001"). */
export function cleanOrderNumber (value: string): string {
  return value.trim().replace(/^#\s*/, '')
}

const AMOUNT = /[-+]?\d[\d,.' ]*\d|\d/

/**
 * The amount in a price as bots print it ("$180.00", "180,00 €", "USD 210", "$210 + tax"), currency signs and
 * words removed; the generic money parser reads what is left. Text with no digits is passed on as written so the
 * parser names it.
 */
export function cleanPrice (value: string): string {
  const amount = AMOUNT.exec(value)?.[0]
  if (amount === undefined) return value
  const compact = amount.replace(/[' ]/g, '')
  // "1.299,00": dots group thousands and a comma marks the decimals, as much of Europe writes it.
  return /^\d{1,3}(?:\.\d{3})+,\d{2}$/.test(compact) ? compact.replaceAll('.', '').replace(',', '.') : compact
}

/** "2", "x2", "2x", "2 pairs": the count; anything else is passed on for the normaliser to name. */
export function cleanQuantity (value: string): string {
  const count = /^\s*[x×]?\s*(\d+)\s*(?:[x×]|\b)/i.exec(value)?.[1]
  return count ?? value
}
