import { resolveLabel } from './discord-fields.ts'
import { unwrapMarkdown } from './unwrap-markdown.ts'

export interface LabelledValue {
  name: string
  value: string
}

// A colon ends a label only when a space or the line's end follows, so "10:32" and "https://..." are not labels. The
// full-width colon of Japanese text ("注文番号：JP-2") is never part of a value, and no space follows it.
const COLON_LABEL = /^([^:：]{1,40}?)\s*(?::(?:\s+(.*))?|：\s*(.*))$/
// Other separators bots use between a label and its value; trusted only for a label in the alias table.
const OTHER_LABEL = /^(.{1,40}?)\s+(?:»|→|->|-|–|=|\|)\s+(.+)$/
const MAX_LABEL_WORDS = 4

/**
 * Label and value lines of a description or message ("**Product:** Jordan 4", "> Order #: 123", "Size - 10",
 * "Size: 10 | Price: $210", or a label alone with its value on the next line), and the lines that are not.
 */
export function readLabelLines (text: string): { values: LabelledValue[], other: string[] } {
  const values: LabelledValue[] = []
  const other: string[] = []
  let pending: string | undefined
  for (const line of text.split('\n').map(unwrapMarkdown).filter((line) => line !== '')) {
    const { headline, segments } = splitSegments(line)
    const found = segments.map(readLabel)
    if (found.length > 0 && found.every((value) => value !== undefined)) {
      pending = undefined
      if (headline !== undefined) other.push(headline)
      for (const { name, value } of found) {
        if (value === '') pending = name
        else values.push({ name, value })
      }
    } else if (pending === undefined && resolveLabel(line).key !== undefined) {
      // A label alone on its line ("**Order #**"), its value on the next.
      pending = line
    } else if (pending !== undefined) {
      values.push({ name: pending, value: line })
      pending = undefined
    } else {
      other.push(line)
    }
  }
  return { values, other }
}

/**
 * "Size: 10 | Price: $210" is two label lines in one; so is "Checkout Success | Site: Walmart | Order: 123", after its
 * headline.
 */
function splitSegments (line: string): { headline?: string, segments: string[] } {
  const segments = line.split(/\s+\|\s+/)
  const [first = '', ...rest] = segments
  if (segments.length < 2 || !rest.every((segment) => COLON_LABEL.test(segment))) return { segments: [line] }
  return COLON_LABEL.test(first) ? { segments } : { headline: first, segments: rest }
}

function readLabel (line: string): LabelledValue | undefined {
  const colon = COLON_LABEL.exec(line)
  if (colon !== null) {
    const name = colon[1]?.trim() ?? ''
    if (isLabel(name)) return { name, value: (colon[2] ?? colon[3])?.trim() ?? '' }
  }
  const other = OTHER_LABEL.exec(line)
  const name = other?.[1]?.trim()
  if (name !== undefined && resolveLabel(name).key !== undefined) return { name, value: other?.[2]?.trim() ?? '' }
  return undefined
}

function isLabel (name: string): boolean {
  if (name === '' || name.includes('//')) return false
  return resolveLabel(name).key !== undefined || name.split(/\s+/).length <= MAX_LABEL_WORDS
}
