import { sql } from 'kysely'
import type { Db } from './database.ts'
import { ERASED, mentionsAddress, scrubPersonal } from './scrub-personal.ts'
import { toSearchTerm } from './search-predicate.ts'
import type { Writer } from './writer.ts'

export interface ErasureReport {
  orders: number
  events: number
  deliveries: number
  emails: number
}

const BATCH = 200

/**
 * Erases one customer's personal data (a data-subject request): on their orders the email, the name and personal extra
 * fields; in the orders' events the values those fields had; the raw bodies, previews, headers and details of the
 * deliveries and emails that carried the address. Orders, amounts, items and tracking stay: the reseller's books need
 * them. Rows are found on the read connection and changed in small batches through the writer, so intake goes on.
 * A delivery stored base64 (not UTF-8) is found only through its order.
 */
export async function eraseCustomer (store: { db: Db, writer: Writer }, email: string, now: Date): Promise<ErasureReport> {
  const needle = email.trim().toLowerCase()
  // Lowered as the orders search lowers: the built-in lower() of SQLite (and of PostgreSQL under a C ctype) leaves
  // letters beyond ASCII as they are, so ZOË@EXAMPLE.COM stayed when zoë@example.com was erased.
  const lower = toSearchTerm(store.db.features, needle).lower
  const patterns = [...new Set([needle, encodeURIComponent(needle).toLowerCase()])].map((p) => `%${escapeLike(p)}%`)
  const matches = (column: string): ReturnType<typeof sql<boolean>> =>
    sql<boolean>`(${sql.join(patterns.map((p) => sql`${lower}(${sql.ref(column)}) like ${p} escape '\\'`), sql` or `)})`
  const { kysely } = store.db

  // LIKE finds the rows that contain the address; mentionsAddress keeps those that carry it, not a longer one.
  const orderIds = (await kysely.selectFrom('orders').select(['id', 'email', 'extra', 'customer_name'])
    .where((eb) => eb.or([eb(sql`${lower}(email)`, '=', needle), matches('extra'), matches('customer_name')]))
    .execute())
    .filter((r) => r.email?.toLowerCase() === needle || mentionsAddress(r.extra, needle) || mentionsAddress(r.customer_name ?? '', needle))
    .map((r) => Number(r.id))
  const report: ErasureReport = { orders: 0, events: 0, deliveries: 0, emails: 0 }
  const stamp = now.toISOString()

  for (const ids of chunks(orderIds)) {
    const counts = await store.writer.write(async (db) => {
      let events = 0
      const orders = await db.kysely.selectFrom('orders').select(['id', 'extra']).where('id', 'in', ids).execute()
      for (const order of orders) {
        const extra = JSON.stringify(scrubPersonal(JSON.parse(order.extra), needle))
        await db.kysely.updateTable('orders').set({ email: null, customer_name: null, extra, updated_at: stamp }).where('id', '=', order.id).execute()
      }
      const rows = await db.kysely.selectFrom('order_events').select(['id', 'changes']).where('order_id', 'in', ids).execute()
      for (const row of rows) {
        const changes = JSON.stringify(scrubPersonal(JSON.parse(row.changes), needle))
        if (changes === row.changes) continue
        await db.kysely.updateTable('order_events').set({ changes }).where('id', '=', row.id).execute()
        events++
      }
      await db.kysely.insertInto('order_events').values(ids.map((id) => ({
        order_id: id, event_type: 'erased', changes: JSON.stringify([{ field: 'personal_data', old: null, new: ERASED }]), source: 'manual', delivery_id: null, created_at: stamp
      }))).execute()
      return { orders: orders.length, events }
    })
    report.orders += counts.orders
    report.events += counts.events
  }

  const ofOrders = new Set(orderIds)
  const logIds = (await kysely.selectFrom('webhook_logs').select(['id', 'order_id', 'raw_body', 'body_preview', 'headers', 'details', 'error', 'path']).where((eb) => eb.or([
    ...(orderIds.length > 0 ? [eb('order_id', 'in', orderIds)] : []),
    matches('raw_body'), matches('body_preview'), matches('headers'), matches('details'), matches('error'), matches('path')
  ])).execute())
    .filter((r) => (r.order_id !== null && ofOrders.has(Number(r.order_id))) ||
      [r.raw_body, r.body_preview, r.headers, r.details, r.error, r.path].some((text) => text !== null && mentionsAddress(text, needle)))
    .map((r) => Number(r.id))
  for (const ids of chunks(logIds)) {
    report.deliveries += await store.writer.write(async (db) => Number((await db.kysely.updateTable('webhook_logs').set({
      raw_body: ERASED, raw_body_encoding: 'utf8', body_preview: ERASED, headers: '{}', details: null, error: sql<string | null>`case when error is null then null else ${ERASED} end`
    }).where('id', 'in', ids).executeTakeFirst()).numUpdatedRows))
  }

  const emailIds = (await kysely.selectFrom('email_messages').select(['id', 'order_id', 'raw', 'sender']).where((eb) => eb.or([
    ...(orderIds.length > 0 ? [eb('order_id', 'in', orderIds)] : []), matches('raw'), matches('sender')
  ])).execute())
    .filter((r) => (r.order_id !== null && ofOrders.has(Number(r.order_id))) || mentionsAddress(r.raw, needle) || mentionsAddress(r.sender ?? '', needle))
    .map((r) => Number(r.id))
  for (const ids of chunks(emailIds)) {
    report.emails += await store.writer.write(async (db) => Number((await db.kysely.updateTable('email_messages').set({
      raw: ERASED, raw_encoding: 'utf8', sender: ERASED, updated_at: stamp
    }).where('id', 'in', ids).executeTakeFirst()).numUpdatedRows))
  }
  return report
}

function escapeLike (text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

function chunks (ids: number[]): number[][] {
  const out: number[][] = []
  for (let i = 0; i < ids.length; i += BATCH) out.push(ids.slice(i, i + BATCH))
  return out
}
