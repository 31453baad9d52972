import type { OrderField, RawOrderPatch } from '../../orders/order-patch.ts'
import { FIELD_ALIASES, ORDER_NUMBER_ALIASES, toAliasKey } from './field-aliases.ts'

/**
 * Reads a flat object through the guide's alias table. Keys the table does not know are kept, as sent, in `extra`;
 * so is a second alias of a field already taken (`amount` beside `total`). A null is left out wherever it is: it
 * leaves the stored value alone.
 */
export function readFlatOrder (payload: Record<string, unknown>): RawOrderPatch {
  const byKey = new Map<string, string>()
  for (const key of Object.keys(payload)) {
    const alias = toAliasKey(key)
    if (!byKey.has(alias)) byKey.set(alias, key)
  }
  const used = new Set<string>()
  const take = (aliases: readonly string[]): unknown => {
    for (const alias of aliases) {
      const key = byKey.get(alias)
      if (key === undefined) continue
      // A known field sent as null leaves the stored value alone: neither a value nor something to keep in extra.
      used.add(key)
      if (payload[key] !== undefined && payload[key] !== null) return payload[key]
    }
    return undefined
  }

  const orderNumber = take(ORDER_NUMBER_ALIASES)
  const fields: Partial<Record<OrderField, unknown>> = {}
  for (const [field, aliases] of FIELD_ALIASES) {
    const value = take(aliases)
    if (value !== undefined) fields[field] = value
  }
  const extra: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(payload)) {
    // defineProperty: a `__proto__` key is kept as data instead of setting the prototype of `extra`.
    if (!used.has(key) && value !== undefined && value !== null) Object.defineProperty(extra, key, { value, enumerable: true, writable: true, configurable: true })
  }
  return { orderNumber, fields, ...(Object.keys(extra).length > 0 ? { extra } : {}) }
}

export function isPlainObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
