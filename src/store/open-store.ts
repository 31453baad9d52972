import { type Kysely, sql } from 'kysely'
import { type ChangeFeed, createLocalChangeFeed } from './change-feed.ts'
import { isPostgresUrl, sqliteFile } from './database-url.ts'
import type { Database, Db, DialectFeatures, RunSql } from './database.ts'
import { createPostgresChangeFeed } from './dialects/postgres-change-feed.ts'
import { openPostgres, withSearchPath } from './dialects/postgres.ts'
import { openSqlite, sqliteFeatures } from './dialects/sqlite.ts'
import { type FoldRunner, withOrderFolding } from './dialects/sqlite-order-fold.ts'
import type { WriteTurn } from './dialects/sqlite-write-turn.ts'
import { postgresFeatures } from './dialects/postgres.ts'
import { migrateToLatest, type MigrationReport } from './migrate.ts'
import { createWriter, type Writer, type WriterOptions } from './writer.ts'

export { isPostgresUrl, sqliteFile } from './database-url.ts'

export interface Store {
  /** For reads: never waits behind the writer on SQLite. */
  db: Db
  /**
   * For reads that may take long (a search no index serves reads every order): on the server's SQLite a connection on
   * a thread of its own, so they never hold up the thread that answers deliveries; elsewhere `db`.
   */
  slowDb: Db
  writer: Writer
  features: DialectFeatures
  /** Committed deliveries, as log ids: across every instance on PostgreSQL (LISTEN/NOTIFY), this process on SQLite. */
  changes: ChangeFeed
  migrate: () => Promise<MigrationReport>
  /**
   * Resolves once the database answers a trivial query (/health). On SQLite through the writing connection of this
   * thread: `db` may be busy on the read thread with a long query, which says nothing of whether the file is there.
   */
  probe: () => Promise<void>
  /** Lets queued writes commit, then closes the connections. */
  close: () => Promise<void>
}

export interface StoreOptions {
  /** PostgreSQL only: the schema to use (tests give each file its own). */
  schema?: string | undefined
  onError?: (error: Error) => void
  /** Batches the writer may have in flight (PostgreSQL only; SQLite has one writer connection). */
  writerConcurrency?: number
  /** Told the size of each write batch (metrics). */
  onBatch?: (size: number) => void
  /** SQLite: runs the search index and daily stats fold on another writer (the delivery writer thread) than the store's. */
  runFold?: FoldRunner | undefined
  /** SQLite: shared with the delivery writer thread, which lets this store's writer take the write lock first. */
  writeTurn?: WriteTurn | undefined
  /** SQLite: `slowDb` reads on a thread of its own, so a long query never holds up the thread that answers requests (the server). */
  readThread?: boolean | undefined
}

/** `postgres://…` selects PostgreSQL; anything else is the path of a SQLite file (or `:memory:`). */
export function openStore (databaseUrl: string, options: StoreOptions = {}): Store {
  if (isPostgresUrl(databaseUrl)) {
    const pg = openPostgres(databaseUrl, options)
    const url = options.schema === undefined ? databaseUrl : withSearchPath(databaseUrl, options.schema)
    const changes = createPostgresChangeFeed(url, pg.pool, { onError: (error) => options.onError?.(asError(error)) })
    return assemble({ kysely: pg.db }, { kysely: pg.db }, postgresFeatures, changes, pg.close, { concurrency: options.writerConcurrency ?? 1, onBatch: options.onBatch })
  }
  const sqlite = openSqlite(sqliteFile(databaseUrl) ?? ':memory:', options.writeTurn, { readThread: options.readThread })
  const changes = createLocalChangeFeed({ onError: (error) => options.onError?.(asError(error)) })
  const store = assemble(sqlite.write, sqlite.read, sqliteFeatures, changes, sqlite.close, { concurrency: 1, onBatch: options.onBatch }, sqlite.slowRead)
  // The search index and daily stats of SQLite are folded in batches, not kept per delivery (sqlite-order-fold.ts).
  return withOrderFolding(store, options.onError, options.runFold)
}

interface Connection {
  kysely: Kysely<Database>
  run?: RunSql
}

function assemble (write: Connection, read: Connection, features: DialectFeatures, changes: ChangeFeed, close: () => Promise<void>,
  writerOptions: WriterOptions, slowRead?: Connection): Store {
  const writer = createWriter(write.kysely, features, { ...writerOptions, run: write.run })
  const db: Db = { kysely: read.kysely, features, run: read.run }
  return {
    db,
    slowDb: slowRead === undefined ? db : { kysely: slowRead.kysely, features, run: slowRead.run },
    writer,
    features,
    changes,
    migrate: async () => await migrateToLatest(write.kysely, features),
    probe: async () => {
      if (write.run !== undefined) write.run('select 1', [])
      else await sql`select 1`.execute(write.kysely)
    },
    close: async () => {
      await writer.close()
      changes.close()
      await close()
    }
  }
}

function asError (error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}
