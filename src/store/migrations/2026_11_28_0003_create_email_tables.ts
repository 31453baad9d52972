import { type Kysely, PostgresAdapter } from 'kysely'

// Frozen once landed: a change to the schema is a new migration. Imports nothing from src/.

export async function up (db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter

  // Every retailer email ROMS has seen, whatever came of it: the unique Message-ID is what makes an email apply once,
  // however many mailboxes, pollers or re-imports bring it; the raw message is kept so it can be read again.
  await db.schema.createTable('email_messages')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) => postgres ? c.primaryKey() : c.primaryKey().autoIncrement())
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('mailbox', 'text')
    .addColumn('uid', 'bigint')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('sender', 'text')
    .addColumn('subject', 'text')
    .addColumn('retailer', 'text')
    .addColumn('kind', 'text')
    .addColumn('order_number', 'text')
    .addColumn('order_id', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('raw_encoding', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('email_messages_status_idx').on('email_messages').columns(['status', 'id']).execute()
  await db.schema.createIndex('email_messages_order_idx').on('email_messages').columns(['order_id', 'id']).execute()

  // Where each poller stopped: one row per server, login and folder.
  await db.schema.createTable('mailbox_state')
    .addColumn('mailbox_key', 'text', (c) => c.primaryKey())
    .addColumn('uid_validity', 'text', (c) => c.notNull())
    .addColumn('last_uid', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mailbox_state').execute()
  await db.schema.dropTable('email_messages').execute()
}
