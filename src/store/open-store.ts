import type { Kysely } from 'kysely'
import type { Database, Db, DialectFeatures } from './database.ts'
import { openPostgres } from './dialects/postgres.ts'
import { openSqlite, sqliteFeatures } from './dialects/sqlite.ts'
import { postgresFeatures } from './dialects/postgres.ts'
import { migrateToLatest, type MigrationReport } from './migrate.ts'
import { createWriter, type Writer } from './writer.ts'

export interface Store {
  /** For reads: never waits behind the writer on SQLite. */
  db: Db
  writer: Writer
  features: DialectFeatures
  migrate: () => Promise<MigrationReport>
  /** Lets queued writes commit, then closes the connections. */
  close: () => Promise<void>
}

export interface StoreOptions {
  /** PostgreSQL only: the schema to use (tests give each file its own). */
  schema?: string | undefined
  onError?: (error: Error) => void
}

export function isPostgresUrl (url: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(url)
}

/** `postgres://…` selects PostgreSQL; anything else is the path of a SQLite file (or `:memory:`). */
export function openStore (databaseUrl: string, options: StoreOptions = {}): Store {
  if (isPostgresUrl(databaseUrl)) {
    const pg = openPostgres(databaseUrl, options)
    return assemble(pg.db, pg.db, postgresFeatures, pg.close)
  }
  const sqlite = openSqlite(databaseUrl.replace(/^sqlite:(?:\/\/)?/i, ''))
  return assemble(sqlite.write, sqlite.read, sqliteFeatures, sqlite.close)
}

function assemble (write: Kysely<Database>, read: Kysely<Database>, features: DialectFeatures, close: () => Promise<void>): Store {
  const writer = createWriter(write, features)
  return {
    db: { kysely: read, features },
    writer,
    features,
    migrate: async () => await migrateToLatest(write, features),
    close: async () => {
      await writer.close()
      await close()
    }
  }
}
