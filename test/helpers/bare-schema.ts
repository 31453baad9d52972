import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { withSchema } from './test-database.ts'

export interface BareSchema {
  schema: string
  /** DATABASE_URL for a server process on this schema. */
  databaseUrl: string
  query: (text: string, values?: unknown[]) => Promise<pg.QueryResult>
  drop: () => Promise<void>
}

/** An empty PostgreSQL schema (no migrations run), for tests of what servers do on startup. */
export async function createBareSchema (url: string): Promise<BareSchema> {
  const schema = `t_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query(`create schema ${schema}`)
  await client.query(`set search_path = ${schema}`)
  return {
    schema,
    databaseUrl: withSchema(url, schema),
    query: async (text, values) => await client.query(text, values),
    drop: async () => {
      try {
        await client.query(`drop schema ${schema} cascade`)
      } finally {
        await client.end()
      }
    }
  }
}
