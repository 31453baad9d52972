import { sql } from 'kysely'
import { isDomainError } from '../../domain-error.ts'
import { applyPatch } from '../../orders/apply-patch.ts'
import { normalizePatch } from '../../orders/normalize-patch.ts'
import type { OrderPatch } from '../../orders/order-patch.ts'
import type { Db } from '../../store/database.ts'
import { findOrderNumbersByReference } from '../../store/order-reference-repository.ts'
import { findOrderByNumber } from '../../store/order-query-repository.ts'
import type { PlannedRow } from './plan-row.ts'

export type RowOutcome =
  | { row: number, action: 'created' | 'updated' | 'unchanged', orderNumber: string }
  | { row: number, action: 'rejected', code: string, message: string }

/** Thrown at the end of a dry run's job so the writer rolls the whole job back; it carries what would have happened. */
export class DryRunRollback extends Error {
  override name = 'DryRunRollback'
  readonly outcomes: RowOutcome[]

  constructor (outcomes: RowOutcome[]) {
    super('dry run: rolled back')
    this.outcomes = outcomes
  }
}

/** A row of a batch run without savepoints failed: the writer rolls the batch back, to be run again row by row. */
export class RowFailed extends Error {
  override name = 'RowFailed'
}

export interface ApplyRowsOptions {
  dryRun: boolean
  now: () => Date
  /** Off for the first try of a batch: two statements fewer a row (a quarter of the work), for rows already checked. */
  savepoints: boolean
}

/**
 * Applies many rows in one writer job (one transaction: a commit per row would cost an fsync each). With savepoints,
 * a row the database refuses is rolled back alone and the rest of the batch still commits.
 */
export async function applyRows (db: Db, rows: readonly PlannedRow[], options: ApplyRowsOptions): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = []
  for (const row of rows) {
    if (row.kind === 'rejected') {
      outcomes.push(rejected(row.row, row.code, row.message))
      continue
    }
    if (!options.savepoints) {
      outcomes.push(await applyRow(db, row, options.now()).catch((error: unknown) => { throw new RowFailed(`row ${row.row} failed`, { cause: error }) }))
      continue
    }
    await sql`savepoint import_row`.execute(db.kysely)
    try {
      outcomes.push(await applyRow(db, row, options.now()))
      await sql`release savepoint import_row`.execute(db.kysely)
    } catch (error) {
      await sql`rollback to savepoint import_row`.execute(db.kysely)
      await sql`release savepoint import_row`.execute(db.kysely)
      if (!isDomainError(error) && !isRowError(error)) throw error
      outcomes.push(rejected(row.row, isDomainError(error) ? error.code : 'DATABASE_REFUSED', error.message))
    }
  }
  if (options.dryRun) throw new DryRunRollback(outcomes)
  return outcomes
}

async function applyRow (db: Db, row: Exclude<PlannedRow, { kind: 'rejected' }>, now: Date): Promise<RowOutcome> {
  let patch: OrderPatch
  if (row.kind === 'reference') {
    const numbers = await findOrderNumbersByReference(db, row.reference)
    const [orderNumber] = numbers
    if (orderNumber === undefined) return rejected(row.row, 'ORDER_NOT_FOUND', `no order has reference_number "${row.reference}"`)
    if (numbers.length > 1) return rejected(row.row, 'REFERENCE_AMBIGUOUS', `several orders have reference_number "${row.reference}": add an order number column`)
    patch = normalizePatch({ orderNumber, fields: {}, extra: row.extra })
  } else {
    patch = row.patch
    if (row.mustExist && await findOrderByNumber(db, patch.orderNumber) === undefined) {
      return rejected(row.row, 'ORDER_NOT_FOUND', `no order ${patch.orderNumber}: lists only change orders that exist`)
    }
  }
  const result = await applyPatch(db, patch, { source: 'import', deliveryId: null, now })
  return { row: row.row, action: result.action === 'stale' ? 'unchanged' : result.action, orderNumber: result.orderNumber }
}

function rejected (row: number, code: string, message: string): RowOutcome {
  return { row, action: 'rejected', code, message }
}

/** Constraint and type errors belong to the row that caused them; a lost connection or a full disk does not. */
function isRowError (error: unknown): error is Error {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && (/^SQLITE_CONSTRAINT/.test(code) || /^SQLITE_MISMATCH/.test(code) || /^2[23]/.test(code))
}
