import { sql } from 'kysely'
import type { Db } from './database.ts'

/** The first key of the two-key advisory lock (a key space apart from migrate.ts's one-key lock); any fixed number. */
const EMAIL_ORDER_LOCK_CLASS = 725_002

/**
 * Makes emails for one order number take their turns, across instances, until the transaction ends. Two copies of
 * one retailer email (a forward has its own Message-ID) for an order no instance has yet would otherwise each find
 * no earlier copy and both be applied; the order row cannot be locked before it exists, and what makes two emails
 * copies (the same text at the same time give or take a time zone) is no key a unique index could hold. The key is
 * per schema, so installations sharing a database do not wait on each other. SQLite needs none: a writing
 * transaction holds the whole database.
 */
export async function lockEmailOrder (db: Db, orderNumber: string): Promise<void> {
  if (!db.features.rowLocks) return
  await sql`select pg_advisory_xact_lock(${EMAIL_ORDER_LOCK_CLASS}, hashtext(current_schema() || '/' || ${orderNumber}))`.execute(db.kysely)
}
