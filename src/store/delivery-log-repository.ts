import { isUtf8 } from 'node:buffer'
import type { Selectable } from 'kysely'
import type { Db, WebhookLogsTable } from './database.ts'

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

export async function insertDeliveryLog (db: Db, log: NewDeliveryLog): Promise<number> {
  const { text, encoding } = encodeBody(log.rawBody)
  const row = await db.kysely.insertInto('webhook_logs').values({
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
    error: log.error ?? null,
    details: log.details == null ? null : JSON.stringify(log.details),
    order_id: log.orderId ?? null,
    order_number: log.orderNumber ?? null,
    delivery_key: log.deliveryKey ?? null,
    replay_of: log.replayOf ?? null,
    client_ip: log.clientIp ?? null
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function completeDeliveryLog (db: Db, id: number, result: {
  outcome: DeliveryOutcome
  statusCode: number
  orderId?: number | null
  orderNumber?: string | null
}): Promise<void> {
  await db.kysely.updateTable('webhook_logs').set({
    outcome: result.outcome,
    status_code: result.statusCode,
    order_id: result.orderId ?? null,
    order_number: result.orderNumber ?? null
  }).where('id', '=', id).execute()
}

/** Records a delivery id; false when it was seen before (on any instance: the primary key decides). */
export async function claimDeliveryKey (db: Db, key: string, logId: number, now: Date): Promise<boolean> {
  const row = await db.kysely.insertInto('processed_deliveries')
    .values({ delivery_key: key, log_id: logId, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('delivery_key').doNothing())
    .returning('delivery_key')
    .executeTakeFirst()
  return row !== undefined
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
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return body.subarray(0, PREVIEW_LENGTH * 4).toString('utf8').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').slice(0, PREVIEW_LENGTH)
}
