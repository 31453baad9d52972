import { resolveLabel, type DiscordKey } from './discord-fields.ts'
import { readLabelLines, type LabelledValue } from './discord-lines.ts'
import { isPlaceholder, orderNumberOfLink } from './discord-values.ts'
import { arrayAt, isRecord, recordAt, textAt, type JsonRecord } from './payload-shape.ts'
import { unwrapMarkdown } from './unwrap-markdown.ts'

/** One value a bot posted: the alias it resolved to (none when unknown), its item number and its name as written. */
export interface Entry {
  key: DiscordKey | undefined
  index: number
  name: string
  value: string
}

/** What one embed (or the message's own text) holds. Headlines come first-to-last in the order they are trusted. */
export interface PostData {
  entries: Entry[]
  headlines: string[]
  title?: string | undefined
  author?: string | undefined
  footer?: string | undefined
  timestamp?: string | undefined
  url?: string | undefined
}

// Bots pad inline fields with zero-width spaces to lay them out in columns.
const INVISIBLE = /[\u200b\u200c\u200e\u200f\u2060\ufeff]/g

export function readEmbed (embed: JsonRecord): PostData {
  const title = clean(embed.title)
  const author = clean(recordAt(embed, 'author')?.name)
  const description = readLabelLines(textOf(embed.description))
  const entries = description.values.map(toEntry)
  const fieldNames: string[] = []
  for (const field of arrayAt(embed, 'fields')) {
    if (isRecord(field)) entries.push(...readField(textOf(field.name), textOf(field.value), fieldNames))
  }
  const statuses = entries.filter((entry) => entry.key === 'status').map((entry) => entry.value)
  const headlines = [title, author, ...statuses, ...description.other, ...fieldNames].filter(isText)
  return {
    entries: entries.filter((entry) => !isPlaceholder(entry.value)),
    headlines,
    title,
    author,
    footer: clean(recordAt(embed, 'footer')?.text),
    timestamp: textAt(embed, 'timestamp'),
    url: textAt(embed, 'url')
  }
}

/** A message's `content`: label lines are data, other lines are headlines. */
export function readMessageText (content: unknown): PostData {
  const { values, other } = readLabelLines(textOf(content))
  return { entries: values.map(toEntry).filter((entry) => !isPlaceholder(entry.value)), headlines: other }
}

/**
 * A field is one value under a known name; a field whose name is blank or unknown may still hold label lines
 * ("Details": "Product: Jordan 4\nSize: 10"). An unknown field without them is kept under its own name, and its
 * name may be a headline ("✅ Checked out").
 */
function readField (rawName: string, rawValue: string, fieldNames: string[]): Entry[] {
  const name = unwrapMarkdown(rawName)
  const { key, index } = resolveLabel(name)
  const value = unwrapMarkdown(key === 'orderNumber' ? orderNumberOfLink(rawValue) : rawValue)
  const lines = readLabelLines(rawValue)
  const known = lines.values.map(toEntry).filter((entry) => entry.key !== undefined)
  if (key !== undefined) {
    if (known.length === 0) return [{ key, index, name, value }]
    const own = lines.other.join('\n')
    return own === '' ? known : [{ key, index, name, value: own }, ...known]
  }
  // A count ("Errors": "0") is data, not what the post reports.
  if (name !== '' && !/^\s*\d+\s*$/.test(value)) fieldNames.push(name)
  if (known.length > 0) return known
  return name === '' || value === '' ? [] : [{ key: undefined, index: 0, name, value }]
}

function toEntry ({ name, value }: LabelledValue): Entry {
  const { key, index } = resolveLabel(name)
  return { key, index, name, value: value.replace(INVISIBLE, '').trim() }
}

function textOf (value: unknown): string {
  return typeof value === 'string' ? value.replace(INVISIBLE, '') : ''
}

function clean (value: unknown): string | undefined {
  const text = unwrapMarkdown(textOf(value))
  return text === '' ? undefined : text
}

function isText (value: string | undefined): value is string {
  return value !== undefined && value !== ''
}
