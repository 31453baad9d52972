/**
 * Whether JSON text nests arrays and objects deeper than `max`. Counted on the text, before parsing: the lossless
 * parser and JSON.stringify (when the order's extra fields are stored) recurse, and 5,000 levels already overflow the
 * stack there, while no sender's payload goes beyond a dozen.
 */
export function isNestedDeeperThan (text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) {
      inString = true
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true
    } else if (c === 0x5d || c === 0x7d) {
      depth--
    }
  }
  return false
}
