import pg from 'pg'
import { type DatabaseIntrospector, Kysely, PostgresDialect } from 'kysely'
import type { Database, DialectFeatures } from '../database.ts'
import { CurrentSchemaIntrospector } from './current-schema-introspector.ts'

export const postgresFeatures: DialectFeatures = { name: 'postgres', rowLocks: true, plansListPages: false }

// int8 (ids, counts) as numbers: ROMS ids stay far below 2^53. NUMERIC stays a string, so money is exact.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))

export const LOCK_TIMEOUT_MS = 5000

export interface PostgresConnections {
  pool: pg.Pool
  db: Kysely<Database>
  close: () => Promise<void>
}

export function openPostgres (connectionString: string, options: { schema?: string | undefined, max?: number, onError?: (error: Error) => void } = {}): PostgresConnections {
  const pool = new pg.Pool({
    connectionString: options.schema === undefined ? connectionString : withSearchPath(connectionString, options.schema),
    max: options.max ?? 10,
    // A delivery waits at most this long for a connection before it is answered 503 (senders retry).
    connectionTimeoutMillis: 5000,
    // A server that vanished without closing its sockets is noticed by TCP instead of never.
    keepAlive: true,
    // A lock held by someone else (an ALTER TABLE or VACUUM FULL, a frozen instance mid-transaction) makes a write give
    // up after this long, so its deliveries are answered 503 with Retry-After instead of waiting for as long as the lock
    // is held. Well above deadlock_timeout (1 s) and ROMS's own transactions (milliseconds).
    lock_timeout: LOCK_TIMEOUT_MS
  })
  // A client that loses its server emits 'error', and without a listener that kills the process. The pool listens only
  // while a client is idle; a client lent out between two statements (a transaction's JavaScript, a query about to be
  // sent) hears PostgreSQL's restart ("terminating connection due to administrator command") with nobody listening.
  // Each client reports its own loss once; its next query then fails, and the pool drops it when it is released.
  pool.on('connect', (client) => { client.on('error', (error) => options.onError?.(error)) })
  // An idle client's error is re-emitted here too: already reported by the client's own listener above.
  pool.on('error', () => {})
  const db = new Kysely<Database>({ dialect: new OneSchemaPostgresDialect({ pool }) })
  return { pool, db, close: async () => { await db.destroy() } }
}

/**
 * Adds `-c search_path=…` to the URL's libpq `options`: pg lets the URL's options replace a separate `options`
 * setting, so the schema has to travel in the URL to win.
 */
export function withSearchPath (connectionString: string, schema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`)
  const url = new URL(connectionString)
  const kept = (url.searchParams.get('options') ?? '').replace(/-c\s*search_path=\S+/g, '').trim()
  url.searchParams.set('options', `${kept} -c search_path=${schema}`.trim())
  return url.toString()
}

/** PostgreSQL as Kysely speaks it, with introspection kept to ROMS's own schema. */
class OneSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector (db: Kysely<any>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db)
  }
}
