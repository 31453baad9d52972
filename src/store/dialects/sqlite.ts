import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database, DialectFeatures } from '../database.ts'

export const sqliteFeatures: DialectFeatures = { name: 'sqlite', rowLocks: false }

export interface SqliteConnections {
  write: Kysely<Database>
  read: Kysely<Database>
  close: () => Promise<void>
}

/**
 * Opens the file twice: one connection for the single writer and one for reads, so a dashboard query never waits
 * behind a write batch (WAL lets readers run beside the writer). `synchronous=FULL` makes every commit durable
 * before a delivery is acknowledged.
 */
export function openSqlite (filename: string): SqliteConnections {
  const writer = new SqliteDatabase(filename)
  writer.pragma('journal_mode = WAL')
  writer.pragma('synchronous = FULL')
  writer.pragma('busy_timeout = 5000')
  writer.pragma('foreign_keys = ON')
  const reader = filename === ':memory:' ? writer : new SqliteDatabase(filename)
  reader.pragma('busy_timeout = 5000')
  const write = new Kysely<Database>({ dialect: new SqliteDialect({ database: writer }) })
  const read = reader === writer ? write : new Kysely<Database>({ dialect: new SqliteDialect({ database: reader }) })
  return {
    write,
    read,
    close: async () => {
      await write.destroy()
      if (read !== write) await read.destroy()
    }
  }
}
