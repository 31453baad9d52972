import type { CompiledQuery, Compilable, Kysely } from 'kysely'
import type { Database, Db } from './database.ts'

const SLOT = Symbol('query parameter')

interface Slot {
  [SLOT]: string
}

/** A named parameter of a prepared query, typed as the value it stands for. */
export function param<T> (name: string): T {
  return { [SLOT]: name } as unknown as T
}

function slotName (value: unknown): string | undefined {
  return typeof value === 'object' && value !== null && SLOT in value ? (value as Slot)[SLOT] : undefined
}

interface Template {
  query: CompiledQuery
  slots: Array<string | undefined>
}

/**
 * A query built and compiled by Kysely once per dialect, then run with new parameters: building and compiling cost more
 * than running a small statement (measured on the delivery path). SQL stays in the repositories, written with Kysely;
 * only the shape must not depend on the parameters (no `$if` on them).
 */
export function prepareQuery<P extends Record<string, unknown>, R> (build: (db: Kysely<Database>) => Compilable<R>): (db: Db, params: P) => Promise<R[]> {
  const templates = new Map<string, Template>()
  return async (db, params) => {
    let template = templates.get(db.features.name)
    if (template === undefined) {
      const query = build(db.kysely).compile()
      template = { query, slots: query.parameters.map(slotName) }
      templates.set(db.features.name, template)
    }
    const { query, slots } = template
    const parameters = slots.map((slot, i) => slot === undefined ? query.parameters[i] : params[slot])
    if (db.run !== undefined) return db.run(query.sql, parameters) as R[]
    const result = await db.kysely.executeQuery<R>({ ...query, parameters })
    return result.rows
  }
}

/** Shapes kept per family; past it a shape is compiled each time (a family that varies without bound would be a bug). */
const MAX_SHAPES = 256

/**
 * Prepared queries whose shape varies with the call (the columns an update sets, the rows an insert adds), kept per
 * shape: `key` names the shape and `build` makes the query for it, with `param` slots as in prepareQuery.
 */
export function prepareQueryFamily<S, P extends Record<string, unknown>, R> (
  build: (db: Kysely<Database>, shape: S) => Compilable<R>
): (db: Db, key: string, shape: S, params: P) => Promise<R[]> {
  const members = new Map<string, (db: Db, params: P) => Promise<R[]>>()
  return async (db, key, shape, params) => {
    let member = members.get(key)
    if (member === undefined) {
      member = prepareQuery<P, R>((kysely) => build(kysely, shape))
      if (members.size < MAX_SHAPES) members.set(key, member)
    }
    return await member(db, params)
  }
}

/** `count` rows of `param` slots for a prepared multi-row insert: row i's column c is the slot `c_i`. */
export function rowSlots<C extends string> (columns: readonly C[], count: number): Array<Record<C, unknown>> {
  return Array.from({ length: count }, (_, i) => Object.fromEntries(columns.map((column) => [column, param(`${column}_${i}`)])) as Record<C, unknown>)
}

/** The parameters that fill rowSlots' slots with these rows. */
export function rowParams<C extends string> (columns: readonly C[], rows: ReadonlyArray<Record<C, unknown>>): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [i, row] of rows.entries()) {
    for (const column of columns) params[`${column}_${i}`] = row[column]
  }
  return params
}
