import { DomainError } from '../../domain-error.ts'
import type { RawOrderPatch } from '../../orders/order-patch.ts'
import { parseDate } from '../../orders/parse-date.ts'
import type { PayloadReader } from '../delivery.ts'
import { ORDER_NUMBER_ALIASES, toAliasKey } from './field-aliases.ts'
import { withGenericItems } from './generic-items.ts'
import { isPlainObject, readFlatOrder } from './read-flat-order.ts'

// Envelopes scripts and automation tools put an order in: `{ order }`, `{ data }`, `{ event, payload }` (event
// buses), `{ data: { object } }` (Stripe-style events), `{ body }` (HTTP steps of no-code tools), `{ record }`,
// `{ data: { attributes } }` (JSON:API). Keys compare as aliases do ("Data", "PAYLOAD").
const WRAPPERS = new Set(['order', 'data', 'payload', 'body', 'object', 'resource', 'record', 'attributes'])
const MAX_WRAPPER_DEPTH = 3

/**
 * The setup guide's mapping: a flat JSON object (or form) with any of the aliases in its table. A payload that wraps
 * the order in envelopes (up to three deep) is read through them: the first object inside that has an order number.
 */
export const genericReader: PayloadReader = {
  name: 'generic',
  matches: () => true,
  read: ({ body }) => {
    if (Array.isArray(body)) {
      // A list posted as a request is taken apart before readers see it (receive-batch.ts): this is a list inside a list.
      throw new DomainError('INVALID_PAYLOAD', `an order must be a JSON object with an order_number, got an array of ${body.length}`)
    }
    if (!isPlainObject(body)) {
      throw new DomainError('INVALID_PAYLOAD', `the body must be a JSON object with an order_number, got ${describe(body)}`)
    }
    const order = orderInside(body, 0)
    if (order === undefined) refuseListInside(body)
    return { kind: 'order', patch: withGenericItems(withLastModified(readFlatOrder(order ?? body))) }
  }
}

// The sender's own last-modified time, as scripts and automation tools name it.
const LAST_MODIFIED = new Set(['updated_at', 'modified_at', 'last_modified', 'date_modified', 'last_updated'])

/**
 * A script that says when it last changed the order (`updated_at`) gets what the platforms get: an update that
 * arrives after a newer one (a retried create behind its update) is recorded as stale and not applied. A value that is
 * not a date stays in extra, as it did, rather than refusing the order.
 */
function withLastModified (patch: RawOrderPatch): RawOrderPatch {
  const key = Object.keys(patch.extra ?? {}).find((name) => LAST_MODIFIED.has(toAliasKey(name)))
  if (key === undefined || patch.extra === undefined) return patch
  const value = patch.extra[key]
  try {
    parseDate(value, 'updated_at')
  } catch {
    return patch
  }
  const { [key]: _taken, ...extra } = patch.extra
  return { ...patch, sourceUpdatedAt: value, extra }
}

/**
 * An envelope holding a list (`{"type": "orders.synced", "data": [...]}`) has no one order to read: the sender is told
 * where the list is and how a list is posted, instead of "order_number is missing".
 */
function refuseListInside (body: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(body)) {
    if ((!WRAPPERS.has(toAliasKey(key)) && toAliasKey(key) !== 'orders') || !Array.isArray(value) || !value.some(isPlainObject)) continue
    throw new DomainError('INVALID_PAYLOAD',
      `the body's "${key}" holds a list of ${value.length}, not one order: post the list alone (a JSON array, or {"orders": [...]}) or one order per request`,
      { field: key })
  }
}

function orderInside (record: Record<string, unknown>, depth: number): Record<string, unknown> | undefined {
  const keys = Object.keys(record)
  if (keys.some((key) => (ORDER_NUMBER_ALIASES as readonly string[]).includes(toAliasKey(key)))) return record
  if (depth >= MAX_WRAPPER_DEPTH) return undefined
  for (const key of keys) {
    const inner = record[key]
    if (!WRAPPERS.has(toAliasKey(key)) || !isPlainObject(inner)) continue
    const found = orderInside(inner, depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}

function describe (body: unknown): string {
  if (body === null) return 'null'
  return `a ${typeof body}`
}
