import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database, DialectFeatures, RunSql } from '../database.ts'
import { startCheckpointer } from './sqlite-checkpointer.ts'
import { startSqliteReadThread } from './sqlite-read-thread.ts'
import { addSearchFunctions } from './sqlite-search-functions.ts'
import { waitForTurn, type WriteTurn } from './sqlite-write-turn.ts'

export const sqliteFeatures: DialectFeatures = { name: 'sqlite', rowLocks: false, plansListPages: true }

export interface SqliteConnections {
  write: SqliteConnection
  read: SqliteConnection
  /** With `readThread`: a connection on a thread of its own, for reads that may take long (sqlite-read-thread.ts). */
  slowRead?: { kysely: Kysely<Database> } | undefined
  close: () => Promise<void>
}

/** One connection, through Kysely and through its kept statements directly. */
export interface SqliteConnection {
  kysely: Kysely<Database>
  run: RunSql
}

/**
 * Opens the file twice: one connection for writes and one for reads, so a dashboard query never waits behind a write
 * batch (WAL lets readers run beside the writer). Deliveries are written by a third connection of their own, on a
 * worker thread (intake/delivery-writer-thread.ts), when the server runs; there, with `readThread`, reads that may take
 * long run on a thread of their own (sqlite-read-thread.ts).
 */
export function openSqlite (filename: string, turn?: WriteTurn, options: { readThread?: boolean } = {}): SqliteConnections {
  const checkpointer = filename === ':memory:' ? undefined : startCheckpointer(filename)
  const writer = openSqliteWriter(filename, { checkpointed: checkpointer !== undefined })
  const write = sqliteConnection(writer, 'write', turn)
  const read = filename === ':memory:' ? write : sqliteConnection(openSqliteReader(filename), 'read')
  const slowRead = filename !== ':memory:' && options.readThread === true ? startSqliteReadThread(filename) : undefined
  return {
    write,
    read,
    slowRead,
    close: async () => {
      await checkpointer?.stop()
      await write.kysely.destroy()
      if (read !== write) await read.kysely.destroy()
      await slowRead?.kysely.destroy()
    }
  }
}

/**
 * A connection that writes; `checkpointed` when the checkpointer thread runs for this file (the server's store starts it). `synchronous=FULL` makes every commit durable before a delivery is acknowledged. Writes may
 * come from more than one connection (the delivery thread and this process's own writer): they take turns on SQLite's
 * write lock, waiting up to `busy_timeout` for it.
 */
export function openSqliteWriter (filename: string, options: { checkpointed: boolean }): SqliteDatabase.Database {
  const db = new SqliteDatabase(filename)
  // With the checkpointer thread keeping the log short, a commit checkpoints (and fsyncs the whole database file) only
  // if that thread ever stops; otherwise every 1,000th page's commit would.
  if (options.checkpointed) db.pragma(`wal_autocheckpoint = ${CATCH_UP_PAGES}`)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  // A statement inside a transaction keeps a journal of its own so it can be undone alone; on disk (the default) that is
  // a temporary file written page by page, which measured as half the database time of a delivery.
  db.pragma('temp_store = MEMORY')
  // Every delivery touches a few index pages at random places (order numbers are not in arrival order); with SQLite's
  // default 2 MB cache, each batch read them back from the file one syscall at a time (strace under the bench load).
  db.pragma(`cache_size = -${WRITER_CACHE_KIB}`)
  return db
}

export function openSqliteReader (filename: string): SqliteDatabase.Database {
  const reader = new SqliteDatabase(filename)
  reader.pragma('busy_timeout = 5000')
  reader.pragma('temp_store = MEMORY')
  return reader
}

const WRITER_CACHE_KIB = 64 * 1024
const CATCH_UP_PAGES = 20_000

/** Kysely over one better-sqlite3 connection and a runner of its kept statements; a writer's transactions take the lock at once. */
export function sqliteConnection (db: SqliteDatabase.Database, role: 'read' | 'write', turn?: WriteTurn): SqliteConnection {
  addSearchFunctions(db)
  const prepare = statementCache(db, role, turn)
  // Methods are bound to the database itself: native methods cannot be called on a proxy.
  const database = new Proxy(db, {
    get (target, property) {
      if (property === 'prepare') return prepare
      const value = Reflect.get(target, property) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
  return {
    kysely: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }),
    // Kysely's executor costs about as much as running a small statement (its connection lock, plugins, promises).
    run: (sql, parameters) => {
      const statement = prepare(sql)
      if (statement.reader) return statement.all(parameters) as unknown[]
      statement.run(parameters)
      return []
    }
  }
}

/** A `begin immediate` that counts itself as waiting for the write lock while it runs (sqlite-write-turn.ts). */
function takingTurns (statement: SqliteDatabase.Statement, turn: WriteTurn): SqliteDatabase.Statement {
  return new Proxy(statement, {
    get (target, property) {
      if (property === 'run') return (...parameters: unknown[]) => waitForTurn(turn, () => target.run(...parameters))
      const value = Reflect.get(target, property) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
}

/** Statements kept per connection; the intake path uses a few dozen shapes, list filters a few hundred at most. */
const STATEMENT_CACHE_SIZE = 500

/**
 * Kysely prepares every query anew; preparing costs as much as running a small statement. The same SQL text is the
 * same statement, so each connection keeps its prepared statements (measured: about a third fewer CPU per delivery).
 * On a writing connection Kysely's `begin` becomes `begin immediate`: a transaction that reads before it writes would
 * otherwise fail at once (SQLITE_BUSY_SNAPSHOT) when another connection committed in between, instead of waiting.
 */
export function statementCache (db: SqliteDatabase.Database, role: 'read' | 'write', turn?: WriteTurn): (source: string) => SqliteDatabase.Statement {
  const cache = new Map<string, SqliteDatabase.Statement>()
  return (given) => {
    const source = role === 'write' && given === 'begin' ? 'begin immediate' : given
    if (source === 'begin immediate' && turn !== undefined) return takingTurns(db.prepare(source), turn)
    let statement = cache.get(source)
    // A statement still iterating (a streamed export) cannot run again: that caller gets its own.
    if (statement?.busy === true) return db.prepare(source)
    if (statement === undefined) {
      statement = db.prepare(source)
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string)
      cache.set(source, statement)
    }
    return statement
  }
}
