import { type Kysely, Migrator, sql } from 'kysely'
import { ConfigError } from '../config.ts'
import type { DialectFeatures } from './database.ts'
import { migrations } from './migrations/index.ts'

export interface MigrationReport {
  applied: string[]
}

/** Any number, as long as it is the same for every ROMS instance: the key of the PostgreSQL advisory lock. */
const MIGRATION_LOCK_KEY = 725_001

/**
 * Brings the schema up to date. Refuses a database that has migrations this build does not know (a newer ROMS ran on
 * it): running old code on a newer schema could lose data. On PostgreSQL an advisory lock makes instances that start
 * together run the migrations once.
 */
export async function migrateToLatest (db: Kysely<any>, features: DialectFeatures): Promise<MigrationReport> {
  const run = async (): Promise<MigrationReport> => {
    // Introspection lists every schema of a PostgreSQL database: without naming ours, a kysely_migration table in
    // another schema (another ROMS, another test file) would pass for this one's.
    const schema = features.rowLocks ? await currentSchema(db) : undefined
    await refuseNewerSchema(db, schema)
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
      ...(schema === undefined ? {} : { migrationTableSchema: schema })
    })
    const { error, results } = await migrator.migrateToLatest()
    if (error !== undefined) throw new Error('database migration failed', { cause: error })
    return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) }
  }
  if (!features.rowLocks) return await run()
  return await db.connection().execute(async (conn) => {
    // An instance starting beside one that is migrating waits for it however long the migrations take (rebuilding an
    // index of a million orders takes more than the connections' 5 s lock_timeout), then finds nothing left to do.
    await sql`set lock_timeout = 0`.execute(conn)
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn)
    await sql`reset lock_timeout`.execute(conn)
    try {
      return await run()
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn)
    }
  })
}

async function currentSchema (db: Kysely<any>): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)
  return rows[0]?.schema ?? undefined
}

async function refuseNewerSchema (db: Kysely<any>, schema: string | undefined): Promise<void> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true })
  if (!tables.some((t) => t.name === 'kysely_migration' && (schema === undefined || t.schema === schema))) return
  const rows = await db.selectFrom('kysely_migration').select('name').execute() as Array<{ name: string }>
  const unknown = rows.map((r) => r.name).filter((name) => !(name in migrations))
  if (unknown.length > 0) {
    // A configuration error: restarting cannot fix it (exit 2, which deploy.md's systemd unit does not restart).
    throw new ConfigError(`the database schema is newer than this ROMS knows (unknown migrations: ${unknown.join(', ')}); ` +
      'upgrade ROMS before starting it on this database')
  }
}
