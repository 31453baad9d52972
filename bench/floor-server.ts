import { createHmac, timingSafeEqual } from 'node:crypto'
import Database from 'better-sqlite3'
import Fastify from 'fastify'
import { openStore } from '../src/store/open-store.ts'

// The durable floor (`npm run bench -- --floor`): what any code reaches on ROMS's own schema on this machine. The issue's
// "quick prototype" written against the migrated database, every index and trigger on: one thread; the deliveries of
// one turn of the event loop in one transaction (WAL, synchronous=FULL); per delivery the rows ROMS writes (the order
// with its columns or its update and tracking row, the event listing the changes, the delivery record with redacted
// headers, raw body and preview). Nothing else: no readers, no normalising, no dedupe, no hooks, no fold.
// FLOOR_WITHOUT_READ_INDEXES=1 first drops every index that only reads use (all but primary and unique keys).

const file = process.env.DATABASE_URL ?? 'floor.db'
const SECRET = process.env.WEBHOOK_SECRET ?? 'bench-secret'

const store = openStore(file)
await store.migrate()
await store.close()

const db = new Database(file)
db.pragma('journal_mode = WAL')
db.pragma('synchronous = FULL')
db.pragma('temp_store = MEMORY')
db.pragma('cache_size = -65536')
if (process.env.FLOOR_WITHOUT_READ_INDEXES === '1') {
  const indexes = db.prepare(`select name from sqlite_master where type = 'index' and sql is not null
    and sql not like 'create unique%' collate nocase`).pluck().all() as string[]
  for (const name of indexes) db.exec(`drop index "${name}"`)
}

const insertOrder = db.prepare(`insert into orders (order_number, product, size, price, total, quantity, email, profile,
  proxy_list, store, status, source, extra, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'generic', '{}', ?, ?)
  on conflict (order_number) do nothing returning id`)
const findOrder = db.prepare('select id, status, tracking_number from orders where order_number = ?')
const updateOrder = db.prepare('update orders set status = ?, tracking_number = ?, updated_at = ? where id = ?')
const insertTracking = db.prepare(`insert into order_tracking (order_id, tracking_number, carrier, source, created_at)
  values (?, ?, null, 'generic', ?)`)
const insertEvent = db.prepare(`insert into order_events (order_id, event_type, changes, source, delivery_id, created_at)
  values (?, ?, ?, 'generic', ?, ?)`)
const insertLog = db.prepare(`insert into webhook_logs (created_at, source, method, path, content_type, headers, raw_body,
  raw_body_encoding, body_size, body_preview, status_code, outcome, order_id, order_number, client_ip)
  values (?, 'generic', 'POST', '/api/v2/webhooks/orders', 'application/json', ?, ?, 'utf8', ?, ?, 200, ?, ?, ?, ?)
  returning id`)

type Body = Record<string, string | number | undefined>

interface Job {
  body: Body
  raw: Buffer
  headers: string
  clientIp: string
  answer?: { success: true, message: string, order_id: number, order_number: string, action: string }
  done: (job: Job) => void
}

function storeOne (job: Job, now: string): void {
  const { body } = job
  const orderNumber = String(body.order_number)
  const created = insertOrder.get(orderNumber, body.product, body.size, body.price, body.price, body.quantity, body.email,
    body.profile, body.proxy_list, body.store, body.status ?? 'pending', now, now) as { id: number } | undefined
  let orderId: number
  let action: 'created' | 'updated'
  let changes: Array<{ field: string, old: unknown, new: unknown }>
  if (created !== undefined) {
    orderId = created.id
    action = 'created'
    changes = Object.entries(body).filter(([field]) => field !== 'order_number').map(([field, value]) => ({ field, old: null, new: value }))
  } else {
    const order = findOrder.get(orderNumber) as { id: number, status: string, tracking_number: string | null }
    orderId = order.id
    action = 'updated'
    updateOrder.run(body.status, body.tracking_number, now, orderId)
    if (body.tracking_number !== undefined) insertTracking.run(orderId, body.tracking_number, now)
    changes = [{ field: 'status', old: order.status, new: body.status }, { field: 'tracking_number', old: order.tracking_number, new: body.tracking_number }]
  }
  const text = job.raw.toString('utf8')
  const log = insertLog.get(now, job.headers, text, job.raw.length, text.slice(0, 500), action, orderId, orderNumber, job.clientIp) as { id: number }
  insertEvent.run(orderId, action, JSON.stringify(changes), log.id, now)
  job.answer = { success: true, message: 'Order received and processed successfully', order_id: orderId, order_number: orderNumber, action }
}

const storeTurn = db.transaction((jobs: Job[]) => {
  const now = new Date().toISOString()
  for (const job of jobs) storeOne(job, now)
})

let turn: Job[] = []

function commitTurn (): void {
  const jobs = turn
  turn = []
  storeTurn(jobs)
  for (const job of jobs) job.done(job)
}

const app = Fastify({ logger: false })
app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
  (request as unknown as { rawBody: Buffer }).rawBody = body as Buffer
  try {
    done(null, JSON.parse((body as Buffer).toString('utf8')))
  } catch (error) {
    done(error as Error)
  }
})
app.post('/api/v2/webhooks/orders', async (request, reply) => {
  const raw = (request as unknown as { rawBody: Buffer }).rawBody
  const given = Buffer.from(String(request.headers['x-webhook-signature']), 'hex')
  const expected = createHmac('sha256', SECRET).update(raw).digest()
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return await reply.code(401).send({ success: false })
  const headers = JSON.stringify({ ...request.headers, 'x-webhook-signature': '[redacted]' })
  const job = await new Promise<Job>((resolve) => {
    if (turn.length === 0) setImmediate(commitTurn)
    turn.push({ body: request.body as Body, raw, headers, clientIp: request.ip, done: resolve })
  })
  return job.answer
})

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' })
process.stdout.write('ready\n')
process.on('SIGTERM', () => {
  app.close().then(() => { db.close(); process.exit(0) }, () => process.exit(1))
})
