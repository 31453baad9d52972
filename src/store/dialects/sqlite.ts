import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database, DialectFeatures } from '../database.ts'
import { startCheckpointer } from './sqlite-checkpointer.ts'

export const sqliteFeatures: DialectFeatures = { name: 'sqlite', rowLocks: false }

export interface SqliteConnections {
  write: Kysely<Database>
  read: Kysely<Database>
  close: () => Promise<void>
}

/**
 * Opens the file twice: one connection for writes and one for reads, so a dashboard query never waits behind a write
 * batch (WAL lets readers run beside the writer). Deliveries are written by a third connection of their own, on a
 * worker thread (intake/delivery-writer-thread.ts), when the server runs.
 */
export function openSqlite (filename: string): SqliteConnections {
  const writer = openSqliteWriter(filename)
  const checkpointer = filename === ':memory:' ? undefined : startCheckpointer(filename)
  // The checkpointer thread keeps the log short; this only catches up if that thread ever stops.
  if (checkpointer !== undefined) writer.pragma('wal_autocheckpoint = 20000')
  const reader = filename === ':memory:' ? writer : new SqliteDatabase(filename)
  reader.pragma('busy_timeout = 5000')
  reader.pragma('temp_store = MEMORY')
  const write = sqliteKysely(writer, 'write')
  const read = reader === writer ? write : sqliteKysely(reader, 'read')
  return {
    write,
    read,
    close: async () => {
      await checkpointer?.stop()
      await write.destroy()
      if (read !== write) await read.destroy()
    }
  }
}

/**
 * A connection that writes. `synchronous=FULL` makes every commit durable before a delivery is acknowledged. Writes may
 * come from more than one connection (the delivery thread and this process's own writer): they take turns on SQLite's
 * write lock, waiting up to `busy_timeout` for it.
 */
export function openSqliteWriter (filename: string): SqliteDatabase.Database {
  const db = new SqliteDatabase(filename)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  // A statement inside a transaction keeps a journal of its own so it can be undone alone; on disk (the default) that is
  // a temporary file written page by page, which measured as half the database time of a delivery.
  db.pragma('temp_store = MEMORY')
  return db
}

/** Kysely over one better-sqlite3 connection, with its statements kept; a writer's transactions take the lock at once. */
export function sqliteKysely (db: SqliteDatabase.Database, role: 'read' | 'write'): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(db, role) }) })
}

/** Statements kept per connection; the intake path uses a few dozen shapes, list filters a few hundred at most. */
const STATEMENT_CACHE_SIZE = 500

/**
 * Kysely prepares every query anew; preparing costs as much as running a small statement. The same SQL text is the
 * same statement, so each connection keeps its prepared statements (measured: about a third fewer CPU per delivery).
 * On a writing connection Kysely's `begin` becomes `begin immediate`: a transaction that reads before it writes would
 * otherwise fail at once (SQLITE_BUSY_SNAPSHOT) when another connection committed in between, instead of waiting.
 */
function withStatementCache (db: SqliteDatabase.Database, role: 'read' | 'write'): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>()
  return new Proxy(db, {
    get (target, property) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property) as unknown
        // Native methods must be called on the database itself, not on the proxy.
        return typeof value === 'function' ? value.bind(target) : value
      }
      return (given: string) => {
        const source = role === 'write' && given === 'begin' ? 'begin immediate' : given
        let statement = cache.get(source)
        // A statement still iterating (a streamed export) cannot run again: that caller gets its own.
        if (statement?.busy === true) return target.prepare(source)
        if (statement === undefined) {
          statement = target.prepare(source)
          if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string)
          cache.set(source, statement)
        }
        return statement
      }
    }
  })
}
