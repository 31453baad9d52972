import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify/sync'
import type { FastifyInstance } from 'fastify'
import { listOrders, type OrderFilter, sortKeyOf } from '../store/order-query-repository.ts'
import type { Db } from '../store/database.ts'
import type { Store } from '../store/open-store.ts'
import { toOrderJson } from './order-json.ts'
import { orderFilterProperties, type OrderFilterQuery, toOrderFilter } from './order-query.ts'
import { isTooShortForIndex } from '../store/order-search.ts'

const PAGE_SIZE = 1000

const COLUMNS = [
  'id', 'order_number', 'status', 'product', 'size', 'sku', 'store', 'price', 'total', 'commission', 'currency',
  'quantity', 'email', 'customer_name', 'profile', 'proxy_list', 'reference_number', 'tracking_number', 'carrier',
  'order_date', 'platform_order_id', 'source', 'created_at', 'updated_at'
]
const NUMERIC = new Set(['id', 'price', 'total', 'commission', 'quantity'])

export function registerOrderExportRoutes (app: FastifyInstance, store: Store): void {
  app.get('/api/v2/orders/export.csv', {
    schema: {
      summary: 'Every order matching the filters, as CSV (newest first)',
      tags: ['orders'],
      produces: ['text/csv'],
      querystring: {
        type: 'object',
        properties: {
          ...orderFilterProperties,
          bom: {
            type: 'boolean',
            default: false,
            description: 'true: start with a UTF-8 byte order mark, without which Excel reads the file as the local code page ' +
              '(accents garbled); the dashboard\'s Export button asks for it. Off by default: CSV readers in scripts take ' +
              'the mark as part of the first column\'s name.'
          }
        },
        additionalProperties: false
      }
    }
  }, async (request, reply) => {
    const { bom, ...query } = request.query as OrderFilterQuery & { bom: boolean }
    const filter = toOrderFilter(query)
    const day = new Date().toISOString().slice(0, 10)
    return await reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="roms-orders-${day}.csv"`)
      .send(Readable.from(csvChunks(isTooShortForIndex(filter.search) ? store.slowDb : store.db, filter, bom)))
  })
}

/** Page by page, so an export of a million orders never holds more than one page in memory. */
async function * csvChunks (db: Db, filter: OrderFilter, bom: boolean): AsyncGenerator<string> {
  yield (bom ? '\uFEFF' : '') + stringify([COLUMNS])
  let after: { key: string, id: number } | undefined
  for (;;) {
    const orders = await listOrders(db, filter, { sort: 'created_at', descending: true, limit: PAGE_SIZE, after })
    if (orders.length === 0) return
    yield stringify(orders.map((order) => {
      const json = toOrderJson(order)
      return COLUMNS.map((column) => toCell(column, json[column]))
    }))
    const last = orders[orders.length - 1]
    if (orders.length < PAGE_SIZE || last === undefined) return
    after = { key: sortKeyOf(last, 'created_at'), id: last.id }
  }
}

/**
 * Text a sender chose could start a spreadsheet formula (`=HYPERLINK(...)`); such cells get a leading apostrophe, as
 * OWASP's CSV injection advice says. Numbers are left as they are, so a negative amount stays a number.
 */
function toCell (column: string, value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  if (!NUMERIC.has(column) && /^[=+\-@\t\r]/.test(text)) return `'${text}`
  return text
}
