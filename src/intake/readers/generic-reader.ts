import { DomainError } from '../../domain-error.ts'
import type { PayloadReader } from '../delivery.ts'
import { ORDER_NUMBER_ALIASES, toAliasKey } from './field-aliases.ts'
import { isPlainObject, readFlatOrder } from './read-flat-order.ts'

const WRAPPERS = ['order', 'data']

/**
 * The setup guide's mapping: a flat JSON object (or form) with any of the aliases in its table. A payload that wraps
 * the order in `order` or `data` (common in scripts and automation tools) is read through the wrapper.
 */
export const genericReader: PayloadReader = {
  name: 'generic',
  matches: () => true,
  read: ({ body }) => {
    if (!isPlainObject(body)) {
      throw new DomainError('INVALID_PAYLOAD', `the body must be a JSON object with an order_number, got ${describe(body)}`)
    }
    return { kind: 'order', patch: readFlatOrder(unwrap(body)) }
  }
}

function unwrap (body: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(body).map(toAliasKey)
  if (keys.some((key) => (ORDER_NUMBER_ALIASES as readonly string[]).includes(key))) return body
  for (const wrapper of WRAPPERS) {
    const inner = body[wrapper]
    if (isPlainObject(inner)) return inner
  }
  return body
}

function describe (body: unknown): string {
  if (Array.isArray(body)) return 'an array'
  if (body === null) return 'null'
  return `a ${typeof body}`
}
