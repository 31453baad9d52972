import { DomainError, isDomainError } from '../../domain-error.ts'
import { toAliasKey } from '../../intake/readers/field-aliases.ts'
import { withGenericItems } from '../../intake/readers/generic-items.ts'
import { isPlainObject, readFlatOrder } from '../../intake/readers/read-flat-order.ts'
import { normalizePatch } from '../../orders/normalize-patch.ts'
import { FIELD_COLUMNS, ORDER_FIELDS, type OrderPatch, type RawOrderPatch } from '../../orders/order-patch.ts'
import { parseDate } from '../../orders/parse-date.ts'
import { parseMoney } from '../../orders/parse-money.ts'
import { toIsoDate } from './clean-cell.ts'
import { type ImportFormat, LIST_ALIASES } from './import-format.ts'
import type { TableRow } from './read-table.ts'

export interface PlanOptions {
  format: ImportFormat
  /** `--as`: the status every row is given. */
  status?: string | undefined
  dayFirst: boolean
  /** Columns of a ROMS export that are left out (see metaColumnsOf). */
  meta: ReadonlySet<string>
}

/** What one row will do: apply a patch (list formats only to orders that exist), or find its order by reference first. */
export type PlannedRow =
  | { row: number, kind: 'patch', patch: OrderPatch, mustExist: boolean }
  | { row: number, kind: 'reference', reference: string, extra: Record<string, unknown> }
  | { row: number, kind: 'rejected', code: string, message: string }

/** Reads and checks a row without touching the database, so a bad row is reported before any write. */
export function planRow (row: TableRow, options: PlanOptions): PlannedRow {
  try {
    return plan(row, options)
  } catch (error) {
    if (!isDomainError(error)) throw error
    return { row: row.row, kind: 'rejected', code: error.code, message: error.message }
  }
}

function plan ({ row, record }: TableRow, options: PlanOptions): PlannedRow {
  const pick = picker(record)
  if (options.format === 'tracking') {
    const numbers = splitTrackingNumbers(String(pick(LIST_ALIASES.tracking) ?? ''))
    if (numbers.length === 0) throw new DomainError('INVALID_FIELD', 'tracking_number is empty', { field: 'tracking_number' })
    const carrier = pick(LIST_ALIASES.carrier)
    return patchRow(row, { orderNumber: pick(LIST_ALIASES.orderNumber), fields: {}, trackings: numbers.map((number) => ({ number, carrier })) }, true)
  }
  if (options.format === 'cancellations') {
    return patchRow(row, { orderNumber: pick(LIST_ALIASES.orderNumber), fields: { status: options.status ?? 'cancelled' } }, true)
  }
  if (options.format === 'statement') return planStatement(row, pick, options)
  let raw = readFlatOrder(withoutMeta(record, options.meta))
  takeExportedFields(raw)
  mergeExtraColumn(raw)
  // A JSON order listing its products (`items`, `line_items`, ...) gets them as its items, as the webhook gives them.
  raw = withGenericItems(raw)
  if (typeof raw.fields.orderDate === 'string') raw.fields.orderDate = toIsoDate(raw.fields.orderDate, options.dayFirst, 'order_date')
  if (options.status !== undefined) raw.fields.status = options.status
  return patchRow(row, raw, false)
}

/**
 * A card statement line: its posted date and amount go to `extra.posted_date` and `extra.posted_amount`, never to
 * `order_date` and `total`: a charge posts days after the order, and the charged amount can differ (tax, shipping).
 * The order is found by its number when the file has one, else by its reference number.
 */
function planStatement (row: number, pick: Pick, options: PlanOptions): PlannedRow {
  const posted = pick(LIST_ALIASES.postedDate)
  if (posted === undefined) throw new DomainError('INVALID_FIELD', 'posted_date is empty', { field: 'posted_date' })
  const extra: Record<string, unknown> = { posted_date: parseDate(toIsoDate(String(posted), options.dayFirst, 'posted_date'), 'posted_date').slice(0, 10) }
  const amount = pick(LIST_ALIASES.amount)
  if (amount !== undefined) extra.posted_amount = parseMoney(amount, 'amount')
  const reference = pick(LIST_ALIASES.reference)
  const orderNumber = pick(LIST_ALIASES.orderNumber)
  if (orderNumber !== undefined) return patchRow(row, { orderNumber, fields: { referenceNumber: reference }, extra }, true)
  if (reference === undefined) throw new DomainError('ORDER_NUMBER_MISSING', 'a statement line needs an order number or a reference number', { field: 'reference_number' })
  return { row, kind: 'reference', reference: String(reference), extra }
}

// Every carrier's number has 10 characters or more; shorter runs are the groups carriers print one number in.
const SHORTEST_NUMBER = 10

/**
 * The tracking numbers of one cell: separated by commas, semicolons, pipes or line breaks, or by spaces between whole
 * numbers. A number printed in groups ("9405 5098 9876 5432 1098 73", "1Z 999 AA1 01 2345 6784") is one number: its
 * groups were stored as six tracking numbers and "9405" became the order's.
 */
function splitTrackingNumbers (cell: string): string[] {
  const numbers: string[] = []
  for (const part of cell.split(/[,;|\r\n]+/)) {
    let groups = ''
    for (const word of part.split(/\s+/).filter((w) => w !== '')) {
      if (word.length >= SHORTEST_NUMBER) {
        if (groups !== '') numbers.push(groups)
        groups = ''
        numbers.push(word)
      } else {
        groups += word
      }
    }
    if (groups !== '') numbers.push(groups)
  }
  return numbers
}

function patchRow (row: number, raw: RawOrderPatch, mustExist: boolean): PlannedRow {
  return { row, kind: 'patch', patch: normalizePatch(raw), mustExist }
}

type Pick = (aliases: readonly string[]) => unknown

function picker (record: Record<string, unknown>): Pick {
  const byAlias = new Map<string, unknown>()
  for (const [key, value] of Object.entries(record)) {
    const alias = toAliasKey(key)
    if (!byAlias.has(alias)) byAlias.set(alias, value)
  }
  return (aliases) => {
    for (const alias of aliases) if (byAlias.has(alias)) return byAlias.get(alias)
    return undefined
  }
}

function withoutMeta (record: Record<string, unknown>, meta: ReadonlySet<string>): Record<string, unknown> {
  if (meta.size === 0) return record
  return Object.fromEntries(Object.entries(record).filter(([key]) => !meta.has(key)))
}

/** ROMS's export writes `extra` as one JSON column (an object in JSON files): its keys go back into `extra`. */
function mergeExtraColumn (raw: RawOrderPatch): void {
  const column = raw.extra?.extra
  if (raw.extra === undefined || column === undefined) return
  const value = typeof column === 'string' ? parseJsonObject(column) : column
  if (!isPlainObject(value)) return
  const { extra: _, ...rest } = raw.extra
  raw.extra = { ...value, ...rest }
}

/**
 * Every field column `roms export` writes is read back as that field, so export -> import -> export is the same
 * file. The webhook alias table leaves some out on purpose (`platform_order_id` is the platform's own id, which a
 * generic sender does not set), so they would otherwise land in `extra`.
 */
function takeExportedFields (raw: RawOrderPatch): void {
  if (raw.extra === undefined) return
  for (const field of ORDER_FIELDS) {
    const column = FIELD_COLUMNS[field]
    if (raw.fields[field] !== undefined || !(column in raw.extra)) continue
    const { [column]: value, ...rest } = raw.extra
    raw.fields[field] = value
    raw.extra = rest
  }
  if (Object.keys(raw.extra).length === 0) delete raw.extra
}

/** A column named `extra` that does not hold a JSON object is a sender's own column, kept as text like any other. */
function parseJsonObject (text: string): unknown {
  if (!text.startsWith('{')) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
