import type { Store } from '../../store/open-store.ts'
import { applyRows, DryRunRollback, RowFailed, type RowOutcome } from './apply-rows.ts'
import { UsageError } from '../command.ts'
import { detectFormat, type ImportFormat, isOrderNumberHeader, metaColumnsOf } from './import-format.ts'
import { planRow, type PlannedRow } from './plan-row.ts'
import { readTable } from './read-table.ts'

export interface ImportOptions {
  format?: ImportFormat | undefined
  status?: string | undefined
  dayFirst: boolean
  dryRun: boolean
  /** Rows per writer job (one transaction). */
  batchSize: number
  onProgress?: (bytesRead: number, size: number, rows: number) => void
  /** Aborted (Ctrl-C): read no more rows, let the batches already read commit, and say so in the summary. */
  signal?: AbortSignal
}

export interface ImportSummary {
  file: string
  format: ImportFormat
  dryRun: boolean
  rows: number
  created: number
  updated: number
  unchanged: number
  rejected: number
  errors: Array<{ row: number, code: string, message: string }>
  seconds: number
  /** Stopped before the end of the file (Ctrl-C): only the rows counted were read and applied. */
  interrupted?: true
}

/**
 * Batches in flight. SQLite has one writer, so extra batches only queue (the next is read while one commits); on
 * PostgreSQL each statement is a round trip, and four transactions over the pool wait on the network side by side.
 */
export const IMPORT_CONCURRENCY = 4

/** Reads the file batch by batch and applies each batch through the store's writer; a bad row never stops the rest. */
export async function importFile (store: Store, path: string, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now()
  const table = await readTable(path)
  const format = options.format ?? (table.headerless ? 'cancellations' : detectFormat(table.headers, table.kind))
  if (table.kind === 'csv' && table.headers.length === 0) throw new UsageError(`${path} is empty: there is no header line and no row`)
  if (table.kind === 'csv' && !table.headerless && format !== 'statement' && !table.headers.some(isOrderNumberHeader)) {
    // Said once for the file, not once a row: every row would be refused for the same missing column.
    throw new UsageError(`${path} has no order number column (its columns: ${table.headers.join(', ')}); ` +
      'name one order_number, Order #, Order Number or Order ID')
  }
  const planOptions = { format, status: options.status, dayFirst: options.dayFirst, meta: metaColumnsOf(table.headers) }
  const summary: ImportSummary = {
    file: path, format, dryRun: options.dryRun, rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, errors: [], seconds: 0
  }
  const count = (outcomes: RowOutcome[]): void => {
    for (const outcome of outcomes) {
      summary[outcome.action]++
      if (outcome.action === 'rejected') summary.errors.push({ row: outcome.row, code: outcome.code, message: outcome.message })
    }
  }
  const pending: Array<Promise<RowOutcome[]>> = []
  const submit = async (batch: PlannedRow[]): Promise<void> => {
    pending.push(applyBatch(store, batch, options.dryRun))
    while (pending.length >= IMPORT_CONCURRENCY) count(await (pending.shift() as Promise<RowOutcome[]>))
  }

  try {
    let batch: PlannedRow[] = []
    for await (const row of table.rows) {
      if (options.signal?.aborted === true) {
        summary.interrupted = true
        break
      }
      summary.rows++
      batch.push(planRow(row, planOptions))
      if (batch.length >= options.batchSize) {
        await submit(batch)
        batch = []
        options.onProgress?.(table.bytesRead(), table.size, summary.rows)
      }
    }
    if (batch.length > 0) await submit(batch)
    for (const job of pending.splice(0)) count(await job)
  } catch (error) {
    // The jobs still queued fail for the same reason (the database went away); the first error is the one to report.
    for (const job of pending) job.catch(() => undefined)
    throw error
  }
  for (const line of summary.interrupted === true ? [] : table.unreadable) {
    summary.rows++
    count([{ row: line.row, action: 'rejected', code: 'UNREADABLE_ROW', message: line.message }])
  }
  summary.errors.sort((a, b) => a.row - b.row)
  summary.seconds = Math.round(performance.now() - started) / 1000
  return summary
}

async function applyBatch (store: Store, batch: PlannedRow[], dryRun: boolean): Promise<RowOutcome[]> {
  const run = async (savepoints: boolean): Promise<RowOutcome[]> => {
    try {
      return await store.writer.write(async (db) => await applyRows(db, batch, { dryRun, now: () => new Date(), savepoints }))
    } catch (error) {
      if (error instanceof DryRunRollback) return error.outcomes
      throw error
    }
  }
  try {
    return await run(false)
  } catch (error) {
    if (!(error instanceof RowFailed)) throw error
    return await run(true)
  }
}
