import { type DatabaseIntrospector, type DatabaseMetadata, type DatabaseMetadataOptions, type Kysely, PostgresIntrospector, type SchemaMetadata, sql, type TableMetadata } from 'kysely'

const KYSELY_TABLES = new Set(['kysely_migration', 'kysely_migration_lock'])

/**
 * Kysely's PostgreSQL introspector reads every schema of the database and calls functions on each schema's name, so
 * a schema dropped meanwhile (another ROMS, another test file) fails the migration with `schema … does not exist`.
 * ROMS lives in one schema: this one lists the tables of `current_schema()` only. Columns are not read: the migrator,
 * its only user, needs table names.
 */
export class CurrentSchemaIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<any>
  readonly #schemas: PostgresIntrospector

  constructor (db: Kysely<any>) {
    this.#db = db
    this.#schemas = new PostgresIntrospector(db)
  }

  async getSchemas (): Promise<SchemaMetadata[]> {
    return await this.#schemas.getSchemas()
  }

  async getTables (options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const { rows } = await sql<{ schema: string, name: string, kind: string }>`
      select n.nspname as schema, c.relname as name, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p')
      order by c.relname`.execute(this.#db)
    return rows
      .filter((r) => options.withInternalKyselyTables === true || !KYSELY_TABLES.has(r.name))
      .map((r) => ({ name: r.name, schema: r.schema, isView: r.kind === 'v', columns: [] }))
  }

  async getMetadata (options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) }
  }
}
