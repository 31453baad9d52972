import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCK_TIMEOUT_MS } from '../../src/store/dialects/postgres.ts'
import { migrations } from '../../src/store/migrations/index.ts'
import { type BareSchema, createBareSchema } from '../helpers/bare-schema.ts'
import { runUntilExit, type ServerProcess, startServer, stopAll } from '../helpers/server-process.ts'
import { testDatabases } from '../helpers/test-database.ts'

const postgres = testDatabases().includes('postgres')
const url = process.env.TEST_DATABASE_URL ?? ''

describe.runIf(postgres)('servers starting together on one PostgreSQL schema', () => {
  let bare: BareSchema
  let servers: ServerProcess[] = []
  beforeAll(async () => {
    bare = await createBareSchema(url)
    const started = await Promise.allSettled([1, 2, 3].map(async () => await startServer({ DATABASE_URL: bare.databaseUrl })))
    servers = started.flatMap((s) => s.status === 'fulfilled' ? [s.value] : [])
    const failed = started.find((s) => s.status === 'rejected')
    if (failed !== undefined) throw failed.reason
  })
  afterAll(async () => {
    await stopAll(servers)
    await bare?.drop()
  })

  it('all start, and the migrations ran exactly once', async () => {
    expect(servers).toHaveLength(3)
    const { rows } = await bare.query('select name from kysely_migration order by name')
    expect(rows.map((r: { name: string }) => r.name)).toEqual(Object.keys(migrations).sort())
    const migrated = servers.filter((s) => s.output().includes('"msg":"database migrated"'))
    expect(migrated).toHaveLength(1)
    for (const server of servers) expect((await fetch(`${server.url}/health`)).status).toBe(200)
  })
})

describe.runIf(postgres)('a server on a schema newer than it knows', () => {
  let bare: BareSchema
  beforeAll(async () => {
    bare = await createBareSchema(url)
    const server = await startServer({ DATABASE_URL: bare.databaseUrl })
    await server.stop()
    await bare.query("insert into kysely_migration (name, timestamp) values ('2999_01_01_0001_from_a_newer_roms', '2999-01-01T00:00:00.000Z')")
  })
  afterAll(async () => { await bare?.drop() })

  it('refuses to start with exit code 2 (restarting cannot fix it) and says why in one message, no stack', async () => {
    const { code, output } = await runUntilExit({ DATABASE_URL: bare.databaseUrl })
    expect(code).toBe(2)
    expect(output).not.toMatch(/\n\s+at /)
    expect(output).toContain('the database schema is newer than this ROMS knows')
    expect(output).toContain('2999_01_01_0001_from_a_newer_roms')
    expect(output).not.toContain('Server listening')
  })
})

describe.runIf(postgres)('a server starting while another holds the migration lock for longer than the lock timeout', () => {
  let bare: BareSchema
  const servers: ServerProcess[] = []
  afterAll(async () => {
    await stopAll(servers)
    await bare?.drop()
  })

  it('waits for it (a long migration elsewhere), then starts', async () => {
    bare = await createBareSchema(url)
    // migrate.ts's advisory lock key, held as a migrating instance holds it while it rebuilds a large index.
    const migrating = new pg.Client({ connectionString: url })
    await migrating.connect()
    try {
      await migrating.query('select pg_advisory_lock(725001)')
      const starting = startServer({ DATABASE_URL: bare.databaseUrl })
      // Once the server waits for the lock, it has to wait longer than its connections' lock_timeout.
      const waiting = "select 1 from pg_locks where locktype = 'advisory' and objid = 725001 and not granted"
      while ((await migrating.query(waiting)).rowCount === 0) await new Promise((resolve) => setTimeout(resolve, 50))
      await new Promise((resolve) => setTimeout(resolve, LOCK_TIMEOUT_MS + 1000))
      await migrating.query('select pg_advisory_unlock(725001)')
      servers.push(await starting)
    } finally {
      await migrating.end()
    }
    expect((await fetch(`${servers[0]?.url ?? ''}/health`)).status).toBe(200)
  }, 60_000)
})
