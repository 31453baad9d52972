import SqliteDatabase from 'better-sqlite3'

const STATUSES = ['verified', 'shipped', 'delivered', 'cancelled', 'pending', 'processing']
const STORES = ['Nike', 'Foot Locker', 'Finish Line', 'Shopify', 'Best Buy', 'Target', 'Walmart']

/**
 * Fills a migrated SQLite file with `orders` orders and two delivery records each, straight through prepared
 * statements in large transactions (what the read side meets after a season of releases).
 */
export function seedSqlite (file: string, orders: number): void {
  const db = new SqliteDatabase(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  db.pragma('temp_store = MEMORY')
  const insertOrder = db.prepare(`insert into orders (order_number, product, size, store, price, total, quantity, email, customer_name,
    profile, proxy_list, status, tracking_number, source, extra, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 'generic', '{}', ?, ?)`)
  const insertEvent = db.prepare(`insert into order_events (order_id, event_type, changes, source, delivery_id, created_at)
    values (?, 'created', '[]', 'generic', ?, ?)`)
  const insertLog = db.prepare(`insert into webhook_logs (created_at, source, method, path, content_type, headers, raw_body,
    raw_body_encoding, body_size, body_preview, status_code, outcome, order_id, order_number)
    values (?, 'generic', 'POST', '/api/v2/webhooks/orders', 'application/json', '{}', ?, 'utf8', ?, ?, 200, ?, ?, ?)`)
  const start = Date.parse('2026-01-01T00:00:00Z')
  const span = 300 * 86_400_000
  const batch = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const at = new Date(start + Math.floor(n / orders * span)).toISOString()
      const orderNumber = `SEED-${n}`
      const body = `{"order_number":"${orderNumber}","product":"Dunk Low","price":110}`
      const orderId = Number(insertOrder.run(orderNumber, `Product ${n % 500}`, String(4 + n % 10), STORES[n % STORES.length],
        110 + n % 90, 110 + n % 90, `buyer${n % 50_000}@example.com`, `Buyer ${n % 50_000}`, `Profile ${n % 40}`, `ISP ${n % 12}`,
        STATUSES[n % STATUSES.length], n % 3 === 0 ? `1Z${String(n).padStart(16, '0')}` : null, at, at).lastInsertRowid)
      const first = Number(insertLog.run(at, body, body.length, body, 'created', orderId, orderNumber).lastInsertRowid)
      insertLog.run(at, body, body.length, body, 'updated', orderId, orderNumber)
      insertEvent.run(orderId, first, at)
    }
  })
  for (let i = 0; i < orders; i += 20_000) batch(i, Math.min(orders, i + 20_000))
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}
