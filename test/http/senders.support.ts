import { readFileSync } from 'node:fs'
import type { TestApp } from '../helpers/test-app.ts'

// The senders' own examples, copied byte for byte from ../shared/fixtures (test/fixtures/senders/README.md). Read as bytes, never re-serialised:
// the platforms' signatures are over exactly these bytes.
const FIXTURES = new URL('../fixtures/senders/', import.meta.url)

export function fixture (name: string): Buffer {
  return readFileSync(new URL(name, FIXTURES))
}

/** The headers Shopify sends with `shopify-orders-create.wire.json`, as the fixtures README lists them. */
export const SHOPIFY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'application/json',
  'User-Agent': 'Shopify-Captain-Hook',
  'X-Shopify-Topic': 'orders/create',
  'X-Shopify-Hmac-Sha256': 'o/NRtpQhiZQe95kQEgoBcnG2AG6YV/qh5yvfPYPEhaE=',
  'X-Shopify-Shop-Domain': 'kicks-depot.myshopify.com',
  'X-Shopify-API-Version': '2025-07',
  'X-Shopify-Webhook-Id': '3f1b6c2e-8d4a-4c1e-9b7f-2a6d5e4c3b21',
  'X-Shopify-Event-Id': '9a7c2f41-5e3b-4d8a-b6c1-0f2e9d8c7b65',
  'X-Shopify-Triggered-At': '2025-03-14T16:41:29.781093412Z'
}

/** The headers WooCommerce sends with `woocommerce-order-created.wire.json`. */
export const WOO_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'application/json',
  'User-Agent': 'WooCommerce/9.4.1 Hookshot (WordPress/6.7.2)',
  'X-WC-Webhook-Source': 'https://shop.example.com/',
  'X-WC-Webhook-Topic': 'order.created',
  'X-WC-Webhook-Resource': 'order',
  'X-WC-Webhook-Event': 'created',
  'X-WC-Webhook-Signature': 'G9oyMPyN1yBuZ6E7YK40kgmEUxKGBVoWrMIFntqfFeA=',
  'X-WC-Webhook-ID': '12',
  'X-WC-Webhook-Delivery-ID': '5d41402abc4b2a76b9719d911017c592'
}

/** A raw HTTP/1.x request file (CRLF lines): its request line, headers and the body bytes after the blank line. */
export function parseHttpFile (raw: Buffer): { method: string, path: string, headers: Record<string, string>, body: Buffer } {
  const end = raw.indexOf('\r\n\r\n')
  if (end < 0) throw new Error('no blank CRLF line between the headers and the body')
  const [requestLine = '', ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n')
  const [method = '', path = ''] = requestLine.split(' ')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim()
  }
  return { method, path, headers, body: raw.subarray(end + 4) }
}

/**
 * A variant of a platform body made by replacing text in its bytes, so that everything else (`\/`, `\uXXXX`, key
 * order) stays as the platform wrote it. Each replacement must match exactly once.
 */
export function editBody (body: Buffer, ...replacements: Array<[string, string]>): Buffer {
  let text = body.toString('utf8')
  for (const [from, to] of replacements) {
    const count = text.split(from).length - 1
    if (count !== 1) throw new Error(`expected one ${from} in the body, found ${count}`)
    text = text.replace(from, to)
  }
  return Buffer.from(text, 'utf8')
}

/** Everything stored about one order, rows as the database holds them (money read as numbers). */
export async function storedOrder (t: TestApp, orderNumber: string) {
  const db = t.store.db.kysely
  const order = await db.selectFrom('orders').selectAll().where('order_number', '=', orderNumber).executeTakeFirst()
  if (order === undefined) return undefined
  const items = await db.selectFrom('order_items').select(['position', 'title', 'variant', 'sku', 'quantity', 'unit_price'])
    .where('order_id', '=', order.id).orderBy('position').execute()
  const trackings = await db.selectFrom('order_tracking').select(['tracking_number', 'carrier', 'source'])
    .where('order_id', '=', order.id).orderBy('id').execute()
  const events = await db.selectFrom('order_events').selectAll().where('order_id', '=', order.id).orderBy('id').execute()
  return {
    order: { ...order, price: money(order.price), total: money(order.total), extra: JSON.parse(order.extra) as Record<string, unknown> },
    items: items.map((item) => ({ ...item, unit_price: money(item.unit_price) })),
    trackings,
    events: events.map((event) => ({ ...event, changes: JSON.parse(event.changes) as Array<{ field: string, old: unknown, new: unknown }> }))
  }
}

/** The delivery records, oldest first, with `headers` and `details` parsed. */
export async function deliveryLogs (t: TestApp) {
  const rows = await t.store.db.kysely.selectFrom('webhook_logs').selectAll().orderBy('id').execute()
  return rows.map((row) => ({
    ...row,
    headers: JSON.parse(row.headers) as Record<string, string>,
    details: row.details === null ? null : JSON.parse(row.details) as Record<string, unknown>
  }))
}

export async function lastDeliveryLog (t: TestApp) {
  const logs = await deliveryLogs(t)
  const last = logs.at(-1)
  if (last === undefined) throw new Error('no delivery was recorded')
  return last
}

export async function orderCount (t: TestApp): Promise<number> {
  return (await t.store.db.kysely.selectFrom('orders').select('id').execute()).length
}

export async function eventCount (t: TestApp): Promise<number> {
  return (await t.store.db.kysely.selectFrom('order_events').select('id').execute()).length
}

// NUMERIC comes back as a string from PostgreSQL and a number from SQLite.
function money (value: string | number | null): number | null {
  return value === null ? null : Number(value)
}
