import { stringify } from 'csv-stringify/sync'
import type { Db } from '../../store/database.ts'
import { listOrders, type OrderFilter, sortKeyOf } from '../../store/order-query-repository.ts'
import type { StoredOrder } from '../../store/order-repository.ts'
import { FIELD_COLUMNS, ORDER_FIELDS } from '../../orders/order-patch.ts'

const PAGE_SIZE = 1000

/** What `roms import` reads back: the order number, every field, and `extra`. */
export const DATA_COLUMNS = ['order_number', ...ORDER_FIELDS.map((field) => FIELD_COLUMNS[field]), 'extra'] as const
/** Bookkeeping (`--meta`): where and when ROMS recorded the order. An import records its own, so it skips these. */
export const META_COLUMNS = ['id', 'source', 'created_at', 'updated_at'] as const
const NOT_TEXT = new Set(['id', 'price', 'total', 'commission', 'quantity'])

export interface ExportOptions {
  format: 'csv' | 'json'
  meta: boolean
  newestFirst: boolean
}

/**
 * Every matching order, page by page (keyset, so a million orders never sit in memory), as CSV lines or a JSON array.
 * Oldest first by default: importing the file into another database creates the orders in the same order.
 */
export async function * exportOrders (db: Db, filter: OrderFilter, options: ExportOptions): AsyncGenerator<string> {
  const columns: readonly string[] = options.meta ? [...DATA_COLUMNS, ...META_COLUMNS] : DATA_COLUMNS
  if (options.format === 'csv') yield stringify([columns]).trimEnd()
  else yield '['
  let after: { key: string, id: number } | undefined
  let first = true
  for (;;) {
    const orders = await listOrders(db, filter, { sort: 'created_at', descending: options.newestFirst, limit: PAGE_SIZE, after })
    for (const order of orders) {
      const record = toRecord(order)
      if (options.format === 'csv') {
        yield stringify([columns.map((column) => toCell(column, record[column]))]).trimEnd()
      } else {
        yield `${first ? '' : ','}${JSON.stringify(Object.fromEntries(columns.map((column) => [column, record[column] ?? null])))}`
      }
      first = false
    }
    const last = orders[orders.length - 1]
    if (orders.length < PAGE_SIZE || last === undefined) break
    after = { key: sortKeyOf(last, 'created_at'), id: last.id }
  }
  if (options.format === 'json') yield ']'
}

function toRecord (order: StoredOrder): Record<string, unknown> {
  const record: Record<string, unknown> = {
    order_number: order.orderNumber,
    extra: order.extra,
    id: order.id,
    source: order.source,
    created_at: order.createdAt,
    updated_at: order.updatedAt
  }
  for (const field of ORDER_FIELDS) record[FIELD_COLUMNS[field]] = order.values[field] ?? null
  return record
}

/**
 * Text that could start a spreadsheet formula gets a leading apostrophe (OWASP's CSV injection advice, as the
 * dashboard's export does); `roms import` takes it off again. `extra` is one JSON cell, empty when there is none.
 */
function toCell (column: string, value: unknown): string {
  if (value === null || value === undefined) return ''
  if (column === 'extra') return Object.keys(value as object).length === 0 ? '' : JSON.stringify(value)
  const text = String(value)
  return !NOT_TEXT.has(column) && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}
