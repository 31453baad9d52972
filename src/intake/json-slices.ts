/** One member of a JSON array or object, as the text it was written as. */
export interface JsonSlice {
  /** The member's name in an object; undefined in an array. */
  key: string | undefined
  text: string
}

/**
 * The members of the array or object that `text` holds, each as its own text, untouched: a batch's orders are recorded
 * as each sender wrote them (its spacing, escapes and long numbers), not re-serialised. `text` must be valid JSON
 * (it was parsed before); undefined when it holds no array or object.
 */
export function jsonMembers (text: string): JsonSlice[] | undefined {
  let at = skipSpace(text, 0)
  const open = text[at]
  if (open !== '[' && open !== '{') return undefined
  const members: JsonSlice[] = []
  at = skipSpace(text, at + 1)
  while (at < text.length && text[at] !== ']' && text[at] !== '}') {
    let key: string | undefined
    if (open === '{') {
      const keyEnd = valueEnd(text, at)
      key = JSON.parse(text.slice(at, keyEnd)) as string
      at = skipSpace(text, skipSpace(text, keyEnd) + 1)
    }
    const end = valueEnd(text, at)
    members.push({ key, text: text.slice(at, end) })
    at = skipSpace(text, end)
    if (text[at] === ',') at = skipSpace(text, at + 1)
  }
  return members
}

/** Where the value starting at `start` ends: after its closing quote or bracket, or before the `,` `]` `}` after it. */
function valueEnd (text: string, start: number): number {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') {
        inString = false
        if (depth === 0) return i + 1
      }
    } else if (c === '"') {
      inString = true
    } else if (c === '[' || c === '{') {
      depth++
    } else if (c === ']' || c === '}') {
      if (depth === 0) return trimEnd(text, start, i)
      if (--depth === 0) return i + 1
    } else if (c === ',' && depth === 0) {
      return trimEnd(text, start, i)
    }
  }
  return trimEnd(text, start, text.length)
}

function trimEnd (text: string, start: number, end: number): number {
  while (end > start && isSpace(text[end - 1])) end--
  return end
}

function skipSpace (text: string, at: number): number {
  while (at < text.length && isSpace(text[at])) at++
  return at
}

function isSpace (c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r'
}
