// Values bots print for "nothing here"; a field holding one is treated as absent.
const PLACEHOLDERS = new Set(['', '-', '--', '—', 'n/a', 'na', 'none', 'null', 'undefined', 'unknown', 'not available', '?'])

export function isPlaceholder (value: string): boolean {
  return PLACEHOLDERS.has(value.trim().toLowerCase())
}

// Bounded, as Discord bounds a link's text and URL, and stopping at the next "[", so a long run of "[" is scanned in
// linear time.
const LINK = /\[([^[\]]{0,256})\]\(<?([^)\s>]{1,2048})>?\)/
// Where an order page's URL keeps the number: `?orderId=C01234567`, `/orders/details/C01234567`.
const NUMBER_PARAM = /^(?:order_?(?:id|number|no|num)?|id|number)$/i

/**
 * An order number a bot wrote as a link: `[#C01234567](…)` is its text, but `[View Order](https://…/orders/C01234567)`
 * names no number, and is read from the URL (an order-number query parameter, else the last path segment with a
 * digit). Text that is not such a link is returned as it is.
 */
export function orderNumberOfLink (raw: string): string {
  const link = LINK.exec(raw)
  if (link === null || /\d/.test(link[1] ?? '')) return raw
  let url: URL
  try {
    url = new URL(link[2] ?? '')
  } catch {
    return raw
  }
  const param = [...url.searchParams].find(([name, value]) => NUMBER_PARAM.test(name) && /\d/.test(value))?.[1]
  const segment = url.pathname.split('/').map((part) => decodeURIComponent(part)).reverse().find((part) => /\d/.test(part))
  const number = param ?? segment
  return number === undefined ? raw : raw.replace(link[0], number)
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
