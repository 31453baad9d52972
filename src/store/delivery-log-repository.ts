import { isUtf8 } from 'node:buffer'
import type { Selectable } from 'kysely'
import type { Db, WebhookLogsTable } from './database.ts'
import { param, prepareQuery } from './prepared-query.ts'

export type DeliveryOutcome =
  | 'received' | 'created' | 'updated' | 'unchanged' | 'duplicate' | 'stale' | 'ping' | 'test' | 'declined'
  | 'rejected' | 'unauthorized' | 'failed'

export interface NewDeliveryLog {
  receivedAt: Date
  source: string
  method: string
  /** Already redacted: a URL token never reaches the store. */
  path: string
  contentType: string | null
  /** Already redacted. */
  headers: Record<string, string>
  rawBody: Buffer
  statusCode: number
  outcome: DeliveryOutcome
  errorCode?: string | null
  error?: string | null
  details?: Record<string, unknown> | null
  orderId?: number | null
  orderNumber?: string | null
  deliveryKey?: string | null
  replayOf?: number | null
  clientIp?: string | null
}

export interface DeliveryLog {
  id: number
  createdAt: string
  source: string
  method: string
  path: string
  contentType: string | null
  headers: Record<string, string>
  rawBody: string
  rawBodyEncoding: 'utf8' | 'base64'
  bodySize: number
  bodyPreview: string
  statusCode: number
  outcome: string
  errorCode: string | null
  error: string | null
  details: Record<string, unknown> | null
  orderId: number | null
  orderNumber: string | null
  deliveryKey: string | null
  replayOf: number | null
  clientIp: string | null
}

const PREVIEW_LENGTH = 500

type LogRow = Omit<WebhookLogsTable, 'id'>

const insertLogQuery = prepareQuery<LogRow, { id: number }>((db) => db.insertInto('webhook_logs').values({
  created_at: param('created_at'),
  source: param('source'),
  method: param('method'),
  path: param('path'),
  content_type: param('content_type'),
  headers: param('headers'),
  raw_body: param('raw_body'),
  raw_body_encoding: param('raw_body_encoding'),
  body_size: param('body_size'),
  body_preview: param('body_preview'),
  status_code: param('status_code'),
  outcome: param('outcome'),
  error_code: param('error_code'),
  error: param('error'),
  details: param('details'),
  order_id: param('order_id'),
  order_number: param('order_number'),
  delivery_key: param('delivery_key'),
  replay_of: param('replay_of'),
  client_ip: param('client_ip')
}).returning('id'))

export async function insertDeliveryLog (db: Db, log: NewDeliveryLog): Promise<number> {
  const { text, encoding } = encodeBody(log.rawBody)
  const [row] = await insertLogQuery(db, {
    created_at: log.receivedAt.toISOString(),
    source: log.source,
    method: log.method,
    path: log.path,
    content_type: log.contentType,
    headers: JSON.stringify(log.headers),
    raw_body: text,
    raw_body_encoding: encoding,
    body_size: log.rawBody.length,
    body_preview: previewBody(log.rawBody),
    status_code: log.statusCode,
    outcome: log.outcome,
    error_code: log.errorCode ?? null,
    error: log.error == null ? null : printable(log.error),
    details: log.details == null ? null : JSON.stringify(log.details),
    order_id: log.orderId ?? null,
    order_number: log.orderNumber ?? null,
    delivery_key: log.deliveryKey ?? null,
    replay_of: log.replayOf ?? null,
    client_ip: log.clientIp ?? null
  })
  if (row === undefined) throw new Error('inserting a delivery record returned no id')
  return row.id
}

const completeLogQuery = prepareQuery<{ id: number, outcome: string, status_code: number, order_id: number | null, order_number: string | null }, never>(
  (db) => db.updateTable('webhook_logs').set({
    outcome: param('outcome'),
    status_code: param('status_code'),
    order_id: param('order_id'),
    order_number: param('order_number')
  }).where('id', '=', param<number>('id'))
)

export async function completeDeliveryLog (db: Db, id: number, result: {
  outcome: DeliveryOutcome
  statusCode: number
  orderId?: number | null
  orderNumber?: string | null
}): Promise<void> {
  await completeLogQuery(db, {
    id, outcome: result.outcome, status_code: result.statusCode, order_id: result.orderId ?? null, order_number: result.orderNumber ?? null
  })
}

const claimKeyQuery = prepareQuery<{ delivery_key: string, created_at: string }, { delivery_key: string }>(
  (db) => db.insertInto('processed_deliveries')
    .values({ delivery_key: param('delivery_key'), log_id: null, created_at: param('created_at') })
    .onConflict((oc) => oc.column('delivery_key').doNothing())
    .returning('delivery_key')
)

/** Records a delivery id; false when it was seen before (on any instance: the primary key decides). */
export async function claimDeliveryKey (db: Db, key: string, now: Date): Promise<boolean> {
  const rows = await claimKeyQuery(db, { delivery_key: key, created_at: now.toISOString() })
  return rows.length > 0
}

const linkKeyQuery = prepareQuery<{ delivery_key: string, log_id: number }, never>((db) => db.updateTable('processed_deliveries')
  .set({ log_id: param('log_id') }).where('delivery_key', '=', param<string>('delivery_key')))

/** Points a claimed delivery id at the record of the delivery that applied it, for answering its duplicates. */
export async function linkDeliveryKey (db: Db, key: string, logId: number): Promise<void> {
  await linkKeyQuery(db, { delivery_key: key, log_id: logId })
}

/** Gives a claimed delivery id back: a delivery that was not applied (a stale update) does not keep it. */
export async function releaseDeliveryKey (db: Db, key: string): Promise<void> {
  await db.kysely.deleteFrom('processed_deliveries').where('delivery_key', '=', key).execute()
}

/** The delivery that first claimed a key, to answer a duplicate with the same order. */
export async function findDeliveryByKey (db: Db, key: string): Promise<{ orderId: number | null } | undefined> {
  const row = await db.kysely.selectFrom('processed_deliveries')
    .leftJoin('webhook_logs', 'webhook_logs.id', 'processed_deliveries.log_id')
    .select('webhook_logs.order_id')
    .where('processed_deliveries.delivery_key', '=', key)
    .executeTakeFirst()
  return row === undefined ? undefined : { orderId: row.order_id }
}

export interface DeliveryLogQuery {
  limit: number
  /** Only entries with an id below this (the next page). */
  before?: number | undefined
  outcome?: string | undefined
  source?: string | undefined
  orderNumber?: string | undefined
  orderId?: number | undefined
  since?: string | undefined
  until?: string | undefined
}

/** Newest first. Pages by id, never by OFFSET, so a page is as fast at the millionth row as at the first. */
export async function listDeliveryLogs (db: Db, query: DeliveryLogQuery): Promise<DeliveryLog[]> {
  const rows = await db.kysely.selectFrom('webhook_logs').selectAll()
    .$if(query.before !== undefined, (q) => q.where('id', '<', query.before ?? 0))
    .$if(query.outcome !== undefined, (q) => q.where('outcome', '=', query.outcome ?? ''))
    .$if(query.source !== undefined, (q) => q.where('source', '=', query.source ?? ''))
    .$if(query.orderNumber !== undefined, (q) => q.where('order_number', '=', query.orderNumber ?? ''))
    .$if(query.orderId !== undefined, (q) => q.where('order_id', '=', query.orderId ?? 0))
    .$if(query.since !== undefined, (q) => q.where('created_at', '>=', query.since ?? ''))
    .$if(query.until !== undefined, (q) => q.where('created_at', '<', query.until ?? ''))
    .orderBy('id', 'desc')
    .limit(query.limit)
    .execute()
  return rows.map(toDeliveryLog)
}

export async function findDeliveryLog (db: Db, id: number): Promise<DeliveryLog | undefined> {
  const row = await db.kysely.selectFrom('webhook_logs').selectAll().where('id', '=', id).executeTakeFirst()
  return row === undefined ? undefined : toDeliveryLog(row)
}

export function decodeBody (log: Pick<DeliveryLog, 'rawBody' | 'rawBodyEncoding'>): Buffer {
  return Buffer.from(log.rawBody, log.rawBodyEncoding === 'base64' ? 'base64' : 'utf8')
}

export function toDeliveryLog (row: Selectable<WebhookLogsTable>): DeliveryLog {
  return {
    id: row.id,
    createdAt: row.created_at,
    source: row.source,
    method: row.method,
    path: row.path,
    contentType: row.content_type,
    headers: JSON.parse(row.headers) as Record<string, string>,
    rawBody: row.raw_body,
    rawBodyEncoding: row.raw_body_encoding === 'base64' ? 'base64' : 'utf8',
    bodySize: row.body_size,
    bodyPreview: row.body_preview,
    statusCode: row.status_code,
    outcome: row.outcome,
    errorCode: row.error_code,
    error: row.error,
    details: row.details === null ? null : JSON.parse(row.details) as Record<string, unknown>,
    orderId: row.order_id,
    orderNumber: row.order_number,
    deliveryKey: row.delivery_key,
    replayOf: row.replay_of,
    clientIp: row.client_ip
  }
}

/** Text when the bytes are UTF-8 without NUL (PostgreSQL text refuses NUL), else base64: the bytes are kept either way. */
function encodeBody (body: Buffer): { text: string, encoding: 'utf8' | 'base64' } {
  if (isUtf8(body) && !body.includes(0)) return { text: body.toString('utf8'), encoding: 'utf8' }
  return { text: body.toString('base64'), encoding: 'base64' }
}

function previewBody (body: Buffer): string {
  // Control characters (NUL included) are dropped from the preview; the raw body keeps them.
  return printable(body.subarray(0, PREVIEW_LENGTH * 4).toString('utf8')).slice(0, PREVIEW_LENGTH)
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g

/**
 * Text without control characters, for the columns that show a delivery: PostgreSQL text refuses NUL, and an error
 * message may quote the body (V8's JSON errors do), which would leave the delivery unrecorded.
 */
function printable (text: string): string {
  return text.replace(CONTROL, '')
}
