/** Reading helpers for parsed JSON bodies, whose shape a reader can never take for granted. */
export type JsonRecord = Record<string, unknown>

export function isRecord (value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function recordAt (record: JsonRecord, key: string): JsonRecord | undefined {
  const value = record[key]
  return isRecord(value) ? value : undefined
}

export function arrayAt (record: JsonRecord, key: string): unknown[] {
  const value = record[key]
  return Array.isArray(value) ? value : []
}

/** A non-empty string, trimmed; anything else is absent. */
export function textAt (record: JsonRecord | undefined, key: string): string | undefined {
  const value = record?.[key]
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  return text === '' ? undefined : text
}

/**
 * A platform id as text. The pipeline parses integers above 2^53 as `bigint` so Shopify's 64-bit ids keep every
 * digit; `String()` writes both that and a safe `number` exactly.
 */
export function idText (value: unknown): string | undefined {
  if (typeof value === 'bigint') return String(value)
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  return undefined
}

/** First name and last name joined with a space, or nothing when both are blank. */
export function joinName (first: unknown, last: unknown): string | undefined {
  const parts = [first, last].filter((part): part is string => typeof part === 'string' && part.trim() !== '')
  return parts.length === 0 ? undefined : parts.map((part) => part.trim()).join(' ')
}

/** The host of a URL such as WooCommerce's `https://shop.example.com/`, or nothing when it is not a URL. */
export function urlHost (value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  try {
    return new URL(value.trim()).host || undefined
  } catch {
    return undefined
  }
}

/** A copy without the keys whose value is undefined, so `extra` holds only what the sender sent. */
export function withoutUndefined (record: JsonRecord): JsonRecord {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined))
}

/** A copy without the keys whose value is undefined or null: a platform's `null` says "none", nothing worth keeping. */
export function withoutNulls (record: JsonRecord): JsonRecord {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null))
}
