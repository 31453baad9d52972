import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import type { Database, DialectFeatures } from '../database.ts'

export const postgresFeatures: DialectFeatures = { name: 'postgres', rowLocks: true }

// int8 (ids, counts) as numbers: ROMS ids stay far below 2^53. NUMERIC stays a string, so money is exact.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))

export interface PostgresConnections {
  pool: pg.Pool
  db: Kysely<Database>
  close: () => Promise<void>
}

export function openPostgres (connectionString: string, options: { schema?: string | undefined, max?: number, onError?: (error: Error) => void } = {}): PostgresConnections {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5000,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` })
  })
  // An idle client that loses its server emits 'error' on the pool; without a listener that kills the process.
  pool.on('error', (error) => options.onError?.(error))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { pool, db, close: async () => { await db.destroy() } }
}
