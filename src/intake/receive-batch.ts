import { createHash } from 'node:crypto'
import { DomainError } from '../domain-error.ts'
import type { IncomingDelivery } from './delivery.ts'
import { jsonMembers } from './json-slices.ts'
import type { DeliveryResult, ReceiveOptions } from './receive-delivery.ts'
import { ORDER_NUMBER_ALIASES, toAliasKey } from './readers/field-aliases.ts'
import { isPlainObject } from './readers/read-flat-order.ts'

/** Orders one request may carry; a bigger list is refused whole, before any of it is applied. */
export const MAX_BATCH_ORDERS = 500

// The one key of an object that holds a list of orders, as `roms import` reads JSON files.
const LIST_KEYS = new Set(['orders', 'data'])

/** One order of a batch and what became of it, for the sender. */
export interface BatchItemResult {
  index: number
  result: DeliveryResult
}

/** How many orders a batch body holds: a JSON array, or an object whose only key is `orders` (or `data`) with one. */
export function batchSize (body: unknown): number | undefined {
  if (Array.isArray(body)) return body.length
  if (!isPlainObject(body)) return undefined
  const keys = Object.keys(body)
  const [key] = keys
  if (keys.length === 1 && key !== undefined && LIST_KEYS.has(key.toLowerCase()) && Array.isArray(body[key])) return body[key].length
  // `{"orders": [...], "count": 2}` is neither one order nor a plain list: its other keys would be lost.
  const list = keys.find((name) => name.toLowerCase() === 'orders' && Array.isArray(body[name]))
  if (list !== undefined && !keys.some((name) => (ORDER_NUMBER_ALIASES as readonly string[]).includes(toAliasKey(name)))) {
    const others = keys.filter((name) => name !== list).slice(0, 5).join(', ')
    throw new DomainError('INVALID_PAYLOAD', `a list of orders is a JSON array, or an object with "${list}" as its only key; this one also has ${others}`, { field: list })
  }
  return undefined
}

type Receive = (incoming: IncomingDelivery, options: ReceiveOptions) => Promise<DeliveryResult>

/**
 * A batch is taken apart into its orders, and each goes through the pipeline as if posted alone: its own delivery
 * record (whose body is the order's JSON as the sender wrote it, so it is found by number and replayed by itself), its
 * own duplicate check, its own outcome. An order refused does not stop the others. The request was authenticated as a
 * whole, so its orders are not checked again; `details.batch` ties their records together.
 */
export async function receiveBatch (receive: Receive, incoming: IncomingDelivery, text: string, options: ReceiveOptions): Promise<DeliveryResult> {
  const top = jsonMembers(text)
  const members = top?.length === 1 && top[0]?.key !== undefined ? jsonMembers(top[0].text) : top
  if (members === undefined || members.length === 0) {
    throw new DomainError('EMPTY_BODY', 'the list of orders is empty; send a JSON object with an order_number, or a list of them')
  }
  if (members.length > MAX_BATCH_ORDERS) {
    throw new DomainError('BATCH_TOO_LARGE', `the list holds ${members.length} orders; send at most ${MAX_BATCH_ORDERS} per request`)
  }
  const id = createHash('sha256').update(incoming.rawBody).digest('base64url').slice(0, 22)
  const items: BatchItemResult[] = []
  for (const [index, member] of members.entries()) {
    const rawBody = Buffer.from(member.text, 'utf8')
    // The order's own text is UTF-8 JSON whatever the request's charset, compression or form type was.
    const headers = { ...incoming.headers, 'content-type': 'application/json', 'content-encoding': undefined, 'content-length': String(rawBody.length) }
    const result = await receive({ ...incoming, headers, rawBody, tooLarge: false }, {
      ...options, trusted: true, batch: { id, index, count: members.length }
    })
    items.push({ index, result })
  }
  return batchResult(items)
}

/**
 * All stored: 200. Some refused: 207, each order's outcome in `results`. None stored: 400. A database failure on any
 * order: 503, so the sender retries the whole list (orders already applied come back unchanged or duplicate).
 */
function batchResult (items: BatchItemResult[]): DeliveryResult {
  const failed = items.filter(({ result }) => result.statusCode >= 300)
  const unavailable = failed.find(({ result }) => result.statusCode >= 500)
  const statusCode = unavailable?.result.statusCode ?? (failed.length === 0 ? 200 : failed.length === items.length ? 400 : 207)
  return {
    statusCode,
    outcome: 'received',
    source: items[0]?.result.source ?? 'generic',
    logId: null,
    batch: items,
    ...(failed.length === items.length
      ? { error: { code: unavailable === undefined ? 'BATCH_REJECTED' : 'DATABASE_UNAVAILABLE', message: `none of the ${items.length} orders was stored; results says why for each` } }
      : {}),
    internalError: items.find(({ result }) => result.internalError !== undefined)?.result.internalError
  }
}
