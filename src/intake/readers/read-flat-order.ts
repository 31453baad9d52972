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
  fillFromNested(payload, fields)
  const extra: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(payload)) {
    // defineProperty: a `__proto__` key is kept as data instead of setting the prototype of `extra`.
    if (!used.has(key) && value !== undefined && value !== null) Object.defineProperty(extra, key, { value, enumerable: true, writable: true, configurable: true })
  }
  return { orderNumber, fields, ...(Object.keys(extra).length > 0 ? { extra } : {}) }
}

// Objects scripts nest the customer and the parcel in, and what each may give the order (its `status` or `id` is not
// the order's). The object itself stays in extra, as sent.
const NESTED: ReadonlyArray<{ keys: ReadonlySet<string>, fields: readonly OrderField[] }> = [
  { keys: new Set(['customer', 'buyer', 'billing', 'contact', 'client']), fields: ['customerName', 'email'] },
  { keys: new Set(['shipping', 'shipment', 'fulfillment', 'fulfilment', 'delivery', 'tracking']), fields: ['trackingNumber', 'carrier'] }
]

/** Fields the top level lacks, from the customer and shipping objects a script nests them in. */
function fillFromNested (payload: Record<string, unknown>, fields: Partial<Record<OrderField, unknown>>): void {
  for (const [key, value] of Object.entries(payload)) {
    if (!isPlainObject(value)) continue
    const nested = NESTED.find((kind) => kind.keys.has(toAliasKey(key)))
    if (nested === undefined) continue
    const inner = readFlatOrder(value).fields
    if (nested.fields.includes('customerName')) inner.customerName ??= fullName(value)
    for (const field of nested.fields) {
      if (fields[field] === undefined && inner[field] !== undefined) fields[field] = inner[field]
    }
  }
}

function fullName (person: Record<string, unknown>): string | undefined {
  const byAlias = new Map(Object.entries(person).map(([key, value]) => [toAliasKey(key), value]))
  const parts = [byAlias.get('first_name'), byAlias.get('last_name')].filter((part): part is string => typeof part === 'string' && part.trim() !== '')
  return parts.length === 0 ? undefined : parts.join(' ')
}

export function isPlainObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
