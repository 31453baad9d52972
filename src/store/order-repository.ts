import { FIELD_COLUMNS, ORDER_FIELDS, type OrderField, type OrderItem, type OrderValues, type Tracking } from '../orders/order-patch.ts'
import type { Insertable, Selectable } from 'kysely'
import type { Db, OrderItemsTable, OrdersTable, OrderTrackingTable } from './database.ts'
import { toMoney } from './money-column.ts'
import { param, prepareQuery, prepareQueryFamily, rowParams, rowSlots } from './prepared-query.ts'

/** An order as the domain sees it: only the fields that have a value. */
export interface StoredOrder {
  id: number
  orderNumber: string
  values: Partial<OrderValues>
  extra: Record<string, unknown>
  source: string
  sourceUpdatedAt: string | null
  createdAt: string
  updatedAt: string
}

export interface NewOrder {
  orderNumber: string
  values: Partial<OrderValues>
  extra: Record<string, unknown>
  source: string
  sourceUpdatedAt: string | null
  now: string
}

type Columns = Partial<Omit<OrdersTable, 'id'>>

const findForUpdateQuery = prepareQuery<{ order_number: string }, Selectable<OrdersTable>>((db) => db.selectFrom('orders').selectAll()
  .where('order_number', '=', param<string>('order_number'))
)

const findForUpdateLockedQuery = prepareQuery<{ order_number: string }, Selectable<OrdersTable>>((db) => db.selectFrom('orders').selectAll()
  .where('order_number', '=', param<string>('order_number'))
  .forUpdate()
)

/** Reads the order and, on PostgreSQL, locks its row until the transaction ends, so concurrent changes queue up. */
export async function findOrderForUpdate (db: Db, orderNumber: string): Promise<StoredOrder | undefined> {
  const [row] = await (db.features.rowLocks ? findForUpdateLockedQuery : findForUpdateQuery)(db, { order_number: orderNumber })
  return row === undefined ? undefined : toStoredOrder(row)
}

const ORDER_COLUMNS = ORDER_FIELDS.map((field) => FIELD_COLUMNS[field])

const insertOrderQuery = prepareQuery<Record<string, unknown>, { id: number }>((db) => {
  const values: Record<string, unknown> = {}
  for (const column of [...ORDER_COLUMNS, 'order_number', 'source', 'extra', 'source_updated_at', 'created_at', 'updated_at']) {
    values[column] = param(column)
  }
  return db.insertInto('orders')
    .values(values as Insertable<OrdersTable>)
    .onConflict((oc) => oc.column('order_number').doNothing())
    .returning('id')
})

/** Inserts the order unless another delivery created it first; returns its id, or undefined if it already existed. */
export async function insertOrderIfAbsent (db: Db, order: NewOrder): Promise<number | undefined> {
  const params: Record<string, unknown> = {}
  for (const field of ORDER_FIELDS) params[FIELD_COLUMNS[field]] = order.values[field] ?? null
  params.status = order.values.status ?? 'pending'
  params.order_number = order.orderNumber
  params.source = order.source
  params.extra = JSON.stringify(order.extra)
  params.source_updated_at = order.sourceUpdatedAt
  params.created_at = order.now
  params.updated_at = order.now
  const [row] = await insertOrderQuery(db, params)
  return row?.id
}

const updateOrderQuery = prepareQueryFamily<string[], Record<string, unknown>, never>((db, columns) => {
  const set: Record<string, unknown> = {}
  for (const column of columns) set[column] = param(column)
  return db.updateTable('orders').set(set as Columns).where('id', '=', param<number>('id'))
})

export async function updateOrder (db: Db, id: number, changes: {
  values: Partial<OrderValues>
  /** Columns to empty (a tracking number whose parcel was cancelled). */
  cleared?: readonly OrderField[]
  extra?: Record<string, unknown>
  sourceUpdatedAt?: string
  now: string
}): Promise<void> {
  const set: Record<string, unknown> = { ...toColumns(changes.values), updated_at: changes.now }
  for (const field of changes.cleared ?? []) set[FIELD_COLUMNS[field]] = null
  if (changes.extra !== undefined) set.extra = JSON.stringify(changes.extra)
  if (changes.sourceUpdatedAt !== undefined) set.source_updated_at = changes.sourceUpdatedAt
  const columns = Object.keys(set)
  await updateOrderQuery(db, columns.join(','), columns, { ...set, id })
}

const touchSourceUpdatedAtQuery = prepareQuery<{ id: number, source_updated_at: string }, never>((db) => db.updateTable('orders')
  .set({ source_updated_at: param('source_updated_at') }).where('id', '=', param<number>('id')))

export async function touchSourceUpdatedAt (db: Db, id: number, sourceUpdatedAt: string): Promise<void> {
  await touchSourceUpdatedAtQuery(db, { id, source_updated_at: sourceUpdatedAt })
}

const findItemsQuery = prepareQuery<{ order_id: number }, Selectable<OrderItemsTable>>((db) => db.selectFrom('order_items').selectAll()
  .where('order_id', '=', param<number>('order_id')).orderBy('position'))

export async function findItems (db: Db, orderId: number): Promise<OrderItem[]> {
  const rows = await findItemsQuery(db, { order_id: orderId })
  return rows.map((r) => ({
    title: r.title, variant: r.variant, sku: r.sku, quantity: r.quantity, unitPrice: toMoney(r.unit_price)
  }))
}

const deleteItemsQuery = prepareQuery<{ order_id: number }, never>((db) => db.deleteFrom('order_items').where('order_id', '=', param<number>('order_id')))

const ITEM_COLUMNS = ['order_id', 'position', 'title', 'variant', 'sku', 'quantity', 'unit_price'] as const

const insertItemsQuery = prepareQueryFamily<number, Record<string, unknown>, never>((db, rows) => db.insertInto('order_items')
  .values(rowSlots(ITEM_COLUMNS, rows) as Array<Insertable<OrderItemsTable>>))

export async function replaceItems (db: Db, orderId: number, items: OrderItem[]): Promise<void> {
  await deleteItemsQuery(db, { order_id: orderId })
  if (items.length === 0) return
  const rows = items.map((item, position) => ({
    order_id: orderId, position, title: item.title ?? null, variant: item.variant ?? null, sku: item.sku ?? null, quantity: item.quantity, unit_price: item.unitPrice ?? null
  }))
  for (const chunk of chunksOf(rows)) await insertItemsQuery(db, String(chunk.length), chunk.length, rowParams(ITEM_COLUMNS, chunk))
}

const findTrackingsQuery = prepareQuery<{ order_id: number }, { tracking_number: string, carrier: string | null }>((db) => db
  .selectFrom('order_tracking').select(['tracking_number', 'carrier'])
  .where('order_id', '=', param<number>('order_id')).orderBy('id'))

export async function findTrackings (db: Db, orderId: number): Promise<Tracking[]> {
  const rows = await findTrackingsQuery(db, { order_id: orderId })
  return rows.map((r) => ({ number: r.tracking_number, carrier: r.carrier }))
}

const TRACKING_COLUMNS = ['order_id', 'tracking_number', 'carrier', 'source', 'created_at'] as const

const insertTrackingsQuery = prepareQueryFamily<number, Record<string, unknown>, never>((db, rows) => db.insertInto('order_tracking')
  .values(rowSlots(TRACKING_COLUMNS, rows) as Array<Insertable<OrderTrackingTable>>)
  .onConflict((oc) => oc.columns(['order_id', 'tracking_number']).doNothing()))

export async function insertTrackings (db: Db, orderId: number, trackings: Tracking[], source: string, now: string): Promise<void> {
  if (trackings.length === 0) return
  const rows = trackings.map((t) => ({ order_id: orderId, tracking_number: t.number, carrier: t.carrier ?? null, source, created_at: now }))
  for (const chunk of chunksOf(rows)) await insertTrackingsQuery(db, String(chunk.length), chunk.length, rowParams(TRACKING_COLUMNS, chunk))
}

/** Removes tracking numbers a sender says are void (a Shopify fulfilment cancelled, its label voided). */
export async function deleteTrackings (db: Db, orderId: number, numbers: readonly string[]): Promise<void> {
  if (numbers.length === 0) return
  for (const chunk of chunksOf(numbers)) {
    await db.kysely.deleteFrom('order_tracking').where('order_id', '=', orderId).where('tracking_number', 'in', chunk).execute()
  }
}

// Rows (or values) per statement. A statement takes at most 32,766 parameters on SQLite and 65,535 on PostgreSQL,
// and a 1 MiB body can list 20,000 items or tracking numbers: 500 rows of 7 columns stay far below both, and an
// ordinary order is still one statement.
const ROWS_PER_STATEMENT = 500

function chunksOf<T> (rows: readonly T[]): T[][] {
  const chunks: T[][] = []
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) chunks.push(rows.slice(start, start + ROWS_PER_STATEMENT))
  return chunks
}

export function toStoredOrder (row: Selectable<OrdersTable>): StoredOrder {
  const values: Partial<Record<string, unknown>> = {}
  for (const field of ORDER_FIELDS) {
    const value = row[FIELD_COLUMNS[field]]
    if (value === null) continue
    values[field] = field === 'price' || field === 'total' || field === 'commission' ? toMoney(value) : value
  }
  return {
    id: row.id,
    orderNumber: row.order_number,
    values: values as Partial<OrderValues>,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
    source: row.source,
    sourceUpdatedAt: row.source_updated_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

function toColumns (values: Partial<OrderValues>): Columns {
  const columns: Record<string, unknown> = {}
  for (const field of ORDER_FIELDS) {
    if (values[field] !== undefined) columns[FIELD_COLUMNS[field]] = values[field]
  }
  return columns as Columns
}
