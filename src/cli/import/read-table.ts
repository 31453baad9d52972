import { createReadStream } from 'node:fs'
import { open, readFile } from 'node:fs/promises'
import { parse } from 'csv-parse'
import { isPlainObject } from '../../intake/readers/read-flat-order.ts'
import { UsageError } from '../command.ts'
import { checkRegularFile } from '../read-named-file.ts'
import { cleanCell } from './clean-cell.ts'
import { decodeFrom, type FileEncoding, findFileEncoding } from './file-encoding.ts'
import { canonicalHeader, isKnownHeader, isOrderNumberHeader } from './import-format.ts'

/** One record of the file: its spreadsheet row (the header is row 1) or JSON position (from 1), and its cells. */
export interface TableRow {
  row: number
  record: Record<string, unknown>
}

export interface Table {
  kind: 'csv' | 'json'
  headers: string[]
  /** True when a one-column file starts with a value rather than a column name: a bare list of order numbers. */
  headerless: boolean
  rows: AsyncIterable<TableRow>
  /** Bytes in the file, and read so far: for the progress bar. */
  size: number
  bytesRead: () => number
  /** Lines the CSV parser could not read at all (an unclosed quote): reported as rejected rows. */
  unreadable: Array<{ row: number, message: string }>
}

const SNIFF_BYTES = 64 * 1024

export async function readTable (path: string): Promise<Table> {
  const size = await checkRegularFile(path)
  const bytes = await readHead(path)
  const encoding = await findFileEncoding(path, bytes)
  if (!encoding.startsWith('utf-16')) refuseBinary(path, bytes)
  const head = encoding.startsWith('utf-16') ? new TextDecoder(encoding).decode(bytes) : bytes.toString('utf8')
  if (/\.json$/i.test(path) || (!/\.csv$/i.test(path) && /^\s*[[{]/.test(head.replace(/^\uFEFF/, '')))) return await readJsonTable(path, size)
  return await readCsvTable(path, size, head, encoding)
}

async function readHead (path: string): Promise<Buffer> {
  const file = await open(path)
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await file.read(buffer, 0, SNIFF_BYTES, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await file.close()
  }
}

// A workbook given instead of its CSV was read as a list of order numbers to cancel, one per line of zip bytes.
const BINARY_FORMATS: ReadonlyArray<[(head: Buffer) => boolean, string]> = [
  [(head) => head.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'latin1')), 'a zip archive (an Excel .xlsx, Numbers or OpenDocument workbook)'],
  [(head) => head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])), 'an old Excel .xls workbook'],
  [(head) => head.subarray(0, 5).toString('latin1') === '%PDF-', 'a PDF'],
  [(head) => head.subarray(0, 4096).includes(0), 'a binary file']
]

function refuseBinary (path: string, head: Buffer): void {
  const found = BINARY_FORMATS.find(([isFormat]) => isFormat(head))
  if (found === undefined) return
  throw new UsageError(`${path} is ${found[1]}, not CSV or JSON: save the sheet as CSV (in Excel: File > Save As > CSV UTF-8) and import that`)
}

/** The header line's most frequent separator outside quotes: European Excel writes `;`, some banks a tab. */
export function sniffDelimiter (head: string): string {
  const line = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]])
  let quoted = false
  for (const char of line) {
    if (char === '"') quoted = !quoted
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1)
  }
  let best = ','
  for (const [char, count] of counts) if (count > (counts.get(best) ?? 0)) best = char
  return best
}

async function readCsvTable (path: string, size: number, head: string, encoding: FileEncoding): Promise<Table> {
  let bytes = 0
  const unreadable: Table['unreadable'] = []
  const source = createReadStream(path)
  source.on('data', (chunk) => { bytes += chunk.length })
  const decoder = decodeFrom(encoding)
  const parser = (decoder === undefined ? source : source.pipe(decoder)).pipe(parse({
    bom: true,
    delimiter: sniffDelimiter(head),
    relax_column_count: true,
    relax_quotes: true,
    // Empty lines are read, and skipped below, so that row numbers count them as a spreadsheet shows them.
    skip_empty_lines: false,
    skip_records_with_error: true
  }))
  parser.on('skip', (error: Error & { lines?: number }) => { unreadable.push({ row: error.lines ?? 0, message: error.message }) })
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>
  let row = 1
  let first = await records.next()
  for (; first.done !== true && isEmptyLine(first.value); first = await records.next()) row++
  const firstCells = first.done === true ? [] : first.value.map(cleanCell)
  const headerless = firstCells.length === 1 && !isKnownHeader(firstCells[0] ?? '')
  const headers = headerless ? ['order_number'] : firstCells.map((cell, i) => cell === '' ? `column_${i + 1}` : canonicalHeader(cell))
  async function * rows (): AsyncGenerator<TableRow> {
    if (headerless && first.done !== true) yield { row, record: toRecord(headers, first.value) }
    for (let next = await records.next(); next.done !== true; next = await records.next()) {
      row++
      if (!isEmptyLine(next.value)) yield { row, record: toRecord(headers, next.value) }
    }
  }
  return { kind: 'csv', headers, headerless, rows: rows(), size, bytesRead: () => bytes, unreadable }
}

function isEmptyLine (cells: readonly string[]): boolean {
  return cells.length === 1 && cells[0] === ''
}

/** Blank cells are left out: an empty cell leaves the stored value alone and adds nothing to `extra`. */
function toRecord (headers: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {}
  for (const [i, cell] of cells.entries()) {
    const value = cleanCell(cell)
    const header = headers[i] ?? `column_${i + 1}`
    if (value !== '' && !(header in record)) record[header] = value
  }
  return record
}

/**
 * An array of orders, or an object holding one under `orders` or `data` (what APIs and ROMS's export write), or one
 * order: a webhook body saved to a file (the setup guide's test payload, a sender's fixture).
 */
async function readJsonTable (path: string, size: number): Promise<Table> {
  let parsed: unknown
  try {
    parsed = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const wrapped: unknown = Array.isArray(parsed) ? parsed : isPlainObject(parsed) ? (parsed.orders ?? parsed.data) : undefined
  const found = !Array.isArray(wrapped) && isPlainObject(parsed) && isOneOrder(parsed) ? [parsed] : wrapped
  if (!Array.isArray(found)) throw new UsageError(`${path} must hold an array of orders, an object with an "orders" array, or one order with its order number`)
  const list: unknown[] = found
  const headers = [...new Set(list.slice(0, 100).flatMap((item) => isPlainObject(item) ? Object.keys(item) : []))]
  async function * rows (): AsyncGenerator<TableRow> {
    for (const [i, item] of list.entries()) {
      yield { row: i + 1, record: isPlainObject(item) ? withoutBlanks(item) : { value: item } }
    }
  }
  return { kind: 'json', headers, headerless: false, rows: rows(), size, bytesRead: () => size, unreadable: [] }
}

function isOneOrder (object: Record<string, unknown>): boolean {
  return Object.keys(object).some(isOrderNumberHeader)
}

function withoutBlanks (item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== null && value !== undefined && value !== ''))
}
