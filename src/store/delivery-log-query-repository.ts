import type { Db } from './database.ts'
import { type DeliveryLog, toDeliveryLog } from './delivery-log-repository.ts'

/** Deliveries recorded after `afterId`, oldest first: how a stream that reconnects catches up. */
export async function listDeliveryIdsAfter (db: Db, afterId: number, limit: number): Promise<number[]> {
  const rows = await db.kysely.selectFrom('webhook_logs').select('id').where('id', '>', afterId).orderBy('id', 'asc').limit(limit).execute()
  return rows.map((row) => row.id)
}

export async function findDeliveryLogsByIds (db: Db, ids: readonly number[]): Promise<DeliveryLog[]> {
  if (ids.length === 0) return []
  const rows = await db.kysely.selectFrom('webhook_logs').selectAll().where('id', 'in', [...new Set(ids)]).orderBy('id', 'asc').execute()
  return rows.map(toDeliveryLog)
}

/** The replays of a delivery, newest first. */
export async function listReplays (db: Db, id: number, limit = 50): Promise<Array<{ id: number, createdAt: string, outcome: string, statusCode: number }>> {
  const rows = await db.kysely.selectFrom('webhook_logs').select(['id', 'created_at', 'outcome', 'status_code'])
    .where('replay_of', '=', id).orderBy('id', 'desc').limit(limit).execute()
  return rows.map((row) => ({ id: row.id, createdAt: row.created_at, outcome: row.outcome, statusCode: row.status_code }))
}

/** The newest delivery's id, 0 when there is none: where a new stream starts. */
export async function lastDeliveryId (db: Db): Promise<number> {
  const row = await db.kysely.selectFrom('webhook_logs').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst()
  return Number(row?.id ?? 0)
}
