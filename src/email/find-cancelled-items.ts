import type { CancelledItem } from './email-reading.ts'
import { findItems } from './find-items.ts'

// The list of cancelled items starts after the line that announces the cancellation...
const START = /\bcancel(?:l?ed|lation)?\b/i
// ...and ends where the email turns to what still ships.
const END = /^(?:remaining|still|the rest|other items|your other|items? (?:that )?(?:will|still)|order summary|what'?s still|shipping soon)|\b(?:still (?:on (?:its|the) way|ship)|will (?:still )?ship|remain(?:s|ing)? (?:in|on) your order)\b/i

/**
 * The cancelled items of a partial cancellation, with the quantity cancelled (1 when the email does not say).
 * Retailers list them under a sentence such as "The following item has been cancelled:".
 */
export function findCancelledItems (body: string): CancelledItem[] {
  return findItems(body, { start: START, end: END }).map(item => ({
    title: item.title,
    size: item.size,
    quantity: item.quantity ?? 1
  }))
}
