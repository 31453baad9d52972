import { sql } from 'kysely'
import type { Database, Db } from './database.ts'
import type { Store } from './open-store.ts'

/** Parents before children, so foreign keys hold at every commit. */
const TABLES_WITH_IDS = ['orders', 'order_items', 'order_tracking', 'webhook_logs', 'order_events', 'email_messages'] as const
type TableWithId = typeof TABLES_WITH_IDS[number]
/** Tables keyed by text rather than an id, with that key. */
const TABLES_WITH_KEYS = { processed_deliveries: 'delivery_key', mailbox_state: 'mailbox_key' } as const
type TableWithKey = keyof typeof TABLES_WITH_KEYS
export type CopiedTable = TableWithId | TableWithKey
export type CopyCounts = Record<CopiedTable, number>

export interface CopyOptions {
  /** Rows a transaction; a few hundred keeps each commit short without paying a commit per row. */
  batchSize?: number
  onProgress?: (table: CopiedTable, copied: number) => void
}

/**
 * Copies every order, item, tracking number, event, delivery record, delivery id, stored email and mailbox position
 * from one store to another, ids kept, so links between rows (and URLs that name them) stay valid, an email seen
 * before stays a duplicate and a poller resumes where it stopped. Rows the target already has are left alone, so a
 * copy that stopped halfway is finished by running it again. Both stores must be migrated; stop the servers writing to
 * the source first. Returns the rows read from each table.
 */
export async function copyDatabase (from: Store, to: Store, options: CopyOptions = {}): Promise<CopyCounts> {
  const batchSize = options.batchSize ?? 500
  const counts: CopyCounts = {
    orders: 0, order_items: 0, order_tracking: 0, webhook_logs: 0, order_events: 0, email_messages: 0, processed_deliveries: 0, mailbox_state: 0
  }
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
  for (const table of Object.keys(TABLES_WITH_KEYS) as TableWithKey[]) {
    const key = TABLES_WITH_KEYS[table]
    for (let after = ''; ;) {
      // Kysely cannot follow a table and its key held in variables; each pair is one of TABLES_WITH_KEYS.
      const rows: Array<Record<string, unknown>> = await from.db.kysely.selectFrom(table as 'mailbox_state').selectAll()
        .where(key as 'mailbox_key', '>', after).orderBy(key as 'mailbox_key').limit(batchSize).execute()
      if (rows.length === 0) break
      await to.writer.write(async (db) => {
        await db.kysely.insertInto(table as 'mailbox_state').values(rows as never).onConflict((oc) => oc.column(key as 'mailbox_key').doNothing()).execute()
      })
      after = String(rows[rows.length - 1]?.[key] ?? after)
      counts[table] += rows.length
      options.onProgress?.(table, counts[table])
    }
  }
  if (to.features.name === 'postgres') await to.writer.write(resetSequences)
  return counts
}

async function insertRows (db: Db, table: TableWithId, rows: unknown[]): Promise<void> {
  // The rows come from the same table of the same schema; Kysely cannot follow a table name held in a variable.
  // An email the target already holds under another id (read by both before the copy) is the same email: its
  // Message-ID decides, as it does when the email arrives.
  await db.kysely.insertInto(table).values(rows as never)
    .onConflict((oc) => table === 'email_messages' ? oc.doNothing() : oc.column('id').doNothing()).execute()
}

/** Rows inserted with their ids leave PostgreSQL's sequences behind; the next new order must not reuse an id. */
async function resetSequences (db: Db): Promise<void> {
  for (const table of TABLES_WITH_IDS satisfies ReadonlyArray<keyof Database>) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce(max(id), 1), max(id) is not null) from ${sql.table(table)}`
      .execute(db.kysely)
  }
}
