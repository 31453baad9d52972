import type { OrderItem } from '../orders/order-patch.ts'
import type { CancelledItem } from './email-reading.ts'

export interface LoweredItems {
  /** The order's whole item list, with the cancelled quantities taken off. */
  items: OrderItem[]
  /** Units taken off in all. */
  lowered: number
  /** Cancelled items that match none of the order's items. */
  missing: CancelledItem[]
}

/**
 * Takes each cancelled item off the order's items: the same title (or one containing the other, as emails shorten
 * long names) and, when both say, the same size. An exact title wins over a partial one. An item lowered to 0 stays
 * in the list, so the order still shows what was bought.
 */
export function lowerCancelledItems (stored: readonly OrderItem[], cancelled: readonly CancelledItem[]): LoweredItems {
  const items = stored.map((item) => ({ ...item }))
  const missing: CancelledItem[] = []
  let lowered = 0
  for (const wanted of cancelled) {
    const candidates = rank(items, wanted)
    if (candidates.length === 0) {
      missing.push(wanted)
      continue
    }
    let left = wanted.quantity
    for (const item of candidates) {
      const taken = Math.min(left, item.quantity)
      item.quantity -= taken
      left -= taken
      lowered += taken
      if (left === 0) break
    }
  }
  return { items, lowered, missing }
}

function rank (items: OrderItem[], wanted: CancelledItem): OrderItem[] {
  const title = normalize(wanted.title)
  const size = wanted.size === null ? null : normalizeSize(wanted.size)
  const sized = items.filter((item) => item.quantity > 0 && (size === null || item.variant === null || normalizeSize(item.variant) === size))
  const exact = sized.filter((item) => normalize(item.title ?? '') === title)
  const partial = sized.filter((item) => {
    const other = normalize(item.title ?? '')
    return other !== '' && other !== title && (other.includes(title) || title.includes(other))
  })
  return [...exact, ...partial]
}

function normalize (text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

function normalizeSize (text: string): string {
  return normalize(text).replace(/^(?:size|sz|us)\s+/, '')
}
