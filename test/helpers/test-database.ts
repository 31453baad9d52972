import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { openStore, type Store } from '../../src/store/open-store.ts'

export type DatabaseKind = 'sqlite' | 'postgres'

let warned = false

/**
 * The databases every storage and HTTP test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. In CI
 * (`ROMS_REQUIRE_POSTGRES=1`, set by .ci/run) a missing PostgreSQL is an error, never a silent skip.
 */
export function testDatabases (): DatabaseKind[] {
  if (process.env.TEST_DATABASE_URL !== undefined && process.env.TEST_DATABASE_URL !== '') return ['sqlite', 'postgres']
  if (process.env.ROMS_REQUIRE_POSTGRES === '1') {
    throw new Error('ROMS_REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set: the PostgreSQL suites would be skipped')
  }
  if (!warned) {
    warned = true
    console.warn('\n*** TEST_DATABASE_URL is not set: PostgreSQL suites are SKIPPED; only SQLite runs. ***\n')
  }
  return ['sqlite']
}

export interface TestStore {
  store: Store
  /** The DATABASE_URL a server process would use for the same data (with the schema for PostgreSQL). */
  databaseUrl: string
  schema?: string
  cleanup: () => Promise<void>
}

/** A fresh, migrated database: a new SQLite file, or a new PostgreSQL schema of its own. */
export async function openTestStore (kind: DatabaseKind): Promise<TestStore> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'roms-test-'))
    const file = join(dir, 'roms_v2.db')
    const store = openStore(file)
    await store.migrate()
    return {
      store,
      databaseUrl: file,
      cleanup: async () => {
        await store.close()
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
  const url = process.env.TEST_DATABASE_URL ?? ''
  const schema = `t_${randomBytes(6).toString('hex')}`
  await withAdmin(url, async (client) => { await client.query(`create schema ${schema}`) })
  const store = openStore(url, { schema })
  await store.migrate()
  return {
    store,
    databaseUrl: withSchema(url, schema),
    schema,
    cleanup: async () => {
      await store.close()
      await withAdmin(url, async (client) => { await client.query(`drop schema ${schema} cascade`) })
    }
  }
}

/** A connection URL that selects the schema (libpq `options`), for server processes started by tests. */
export function withSchema (url: string, schema: string): string {
  const u = new URL(url)
  u.searchParams.set('options', `-c search_path=${schema}`)
  return u.toString()
}

async function withAdmin (url: string, run: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await run(client)
  } finally {
    await client.end()
  }
}
