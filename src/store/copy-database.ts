import { sql } from 'kysely'
import type { Database, Db } from './database.ts'
import type { Store } from './open-store.ts'

/** Parents before children, so foreign keys hold at every commit. */
const TABLES_WITH_IDS = ['orders', 'order_items', 'order_tracking', 'webhook_logs', 'order_events'] as const
type TableWithId = typeof TABLES_WITH_IDS[number]
export type CopiedTable = TableWithId | 'processed_deliveries'
export type CopyCounts = Record<CopiedTable, number>

export interface CopyOptions {
  /** Rows a transaction; a few hundred keeps each commit short without paying a commit per row. */
  batchSize?: number
  onProgress?: (table: CopiedTable, copied: number) => void
}

/**
 * Copies every order, item, tracking number, event, delivery record and delivery id from one store to another, ids
 * kept, so links between rows (and URLs that name them) stay valid. Rows the target already has are left alone, so a
 * copy that stopped halfway is finished by running it again. Both stores must be migrated; stop the servers writing to
 * the source first. Returns the rows read from each table.
 */
export async function copyDatabase (from: Store, to: Store, options: CopyOptions = {}): Promise<CopyCounts> {
  const batchSize = options.batchSize ?? 500
  const counts: CopyCounts = { orders: 0, order_items: 0, order_tracking: 0, webhook_logs: 0, order_events: 0, processed_deliveries: 0 }
  for (const table of TABLES_WITH_IDS) {
    for (let after = 0; ;) {
      const rows = await from.db.kysely.selectFrom(table).selectAll().where('id', '>', after).orderBy('id').limit(batchSize).execute()
      if (rows.length === 0) break
      await to.writer.write(async (db) => await insertRows(db, table, rows))
      after = rows[rows.length - 1]?.id ?? after
      counts[table] += rows.length
      options.onProgress?.(table, counts[table])
    }
  }
  for (let after = ''; ;) {
    const rows = await from.db.kysely.selectFrom('processed_deliveries').selectAll()
      .where('delivery_key', '>', after).orderBy('delivery_key').limit(batchSize).execute()
    if (rows.length === 0) break
    await to.writer.write(async (db) => {
      await db.kysely.insertInto('processed_deliveries').values(rows).onConflict((oc) => oc.column('delivery_key').doNothing()).execute()
    })
    after = rows[rows.length - 1]?.delivery_key ?? after
    counts.processed_deliveries += rows.length
    options.onProgress?.('processed_deliveries', counts.processed_deliveries)
  }
  if (to.features.name === 'postgres') await to.writer.write(resetSequences)
  return counts
}

async function insertRows (db: Db, table: TableWithId, rows: unknown[]): Promise<void> {
  // The rows come from the same table of the same schema; Kysely cannot follow a table name held in a variable.
  await db.kysely.insertInto(table).values(rows as never).onConflict((oc) => oc.column('id').doNothing()).execute()
}

/** Rows inserted with their ids leave PostgreSQL's sequences behind; the next new order must not reuse an id. */
async function resetSequences (db: Db): Promise<void> {
  for (const table of TABLES_WITH_IDS satisfies ReadonlyArray<keyof Database>) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce(max(id), 1), max(id) is not null) from ${sql.table(table)}`
      .execute(db.kysely)
  }
}
