import { DomainError } from '../domain-error.ts'
import type { Db } from '../store/database.ts'
import { type FieldChange, insertEvent } from '../store/event-repository.ts'
import {
  deleteTrackings, findItems, findOrderForUpdate, findTrackings, insertOrderIfAbsent, insertTrackings, replaceItems, type StoredOrder,
  touchSourceUpdatedAt, updateOrder
} from '../store/order-repository.ts'
import { FIELD_COLUMNS, ORDER_FIELDS, type OrderField, type OrderItem, type OrderPatch, type OrderValues, type Tracking } from './order-patch.ts'

export type ApplyAction = 'created' | 'updated' | 'unchanged' | 'stale'

export interface ApplyContext {
  /** Who sent it: the reader's name, `email`, `manual` or `import`. */
  source: string
  /** The delivery record this change came from, if any. */
  deliveryId?: number | null
  /**
   * Writes the delivery record once the outcome is known and returns its id for the event, in the same transaction;
   * one statement instead of an insert now and an update later. Takes the place of `deliveryId`.
   */
  recordDelivery?: (outcome: { action: ApplyAction, orderId: number, orderNumber: string }) => Promise<number>
  now: Date
}

export interface ApplyResult {
  action: ApplyAction
  orderId: number
  orderNumber: string
  changes: FieldChange[]
}

/**
 * The one way into the orders table. Creates the order or changes only the fields that differ, adds tracking numbers
 * and items, and writes one event listing every change. Call it inside a transaction (the writer's), with the delivery
 * record, so the three are stored together or not at all.
 */
export async function applyPatch (db: Db, patch: OrderPatch, ctx: ApplyContext): Promise<ApplyResult> {
  const now = ctx.now.toISOString()
  const values = withTrackingNumber(patch)
  if (patch.existingOnly === true) {
    const existing = await findOrderForUpdate(db, patch.orderNumber)
    if (existing === undefined) {
      throw new DomainError('ORDER_UNKNOWN', `there is no order ${patch.orderNumber} for this news of one to change: ` +
        'send its checkout first (the delivery is kept and can be replayed)', { field: 'order_number' })
    }
    return await applyToExisting(db, existing, patch, values, ctx, now)
  }
  if (!db.features.rowLocks) {
    // SQLite: one writer and statements in-process, so looking first costs a probe of the index the insert reads anyway.
    // An insert its unique index refuses would still use up an id (AUTOINCREMENT counts it), and the guide's users see
    // order 3 follow order 1 after an update and look for the order they lost.
    const existing = await findOrderForUpdate(db, patch.orderNumber)
    if (existing !== undefined) return await applyToExisting(db, existing, patch, values, ctx, now)
  }
  const created = withCheckoutStatus(values, patch, undefined)
  // PostgreSQL: insert first, one round trip for a new order (most deliveries in a release), and the unique index settles
  // races between instances; a refused insert uses up a sequence value, as any rolled-back insert does there. When the
  // order exists, lock it and apply the patch as an update.
  const id = await insertOrderIfAbsent(db, {
    orderNumber: patch.orderNumber,
    values: created,
    extra: patch.extra ?? {},
    source: ctx.source,
    sourceUpdatedAt: patch.sourceUpdatedAt ?? null,
    now
  })
  if (id !== undefined) return await finishCreate(db, id, patch, created, ctx, now)
  const existing = await findOrderForUpdate(db, patch.orderNumber)
  if (existing === undefined) throw new Error(`order ${patch.orderNumber} vanished while it was being updated`)
  return await applyToExisting(db, existing, patch, values, ctx, now)
}

async function finishCreate (db: Db, id: number, patch: OrderPatch, values: Partial<OrderValues>, ctx: ApplyContext, now: string): Promise<ApplyResult> {
  const changes: FieldChange[] = [{ field: 'status', old: null, new: values.status ?? 'pending' }]
  for (const field of ORDER_FIELDS) {
    if (field !== 'status' && values[field] !== undefined) changes.push({ field: FIELD_COLUMNS[field], old: null, new: values[field] })
  }
  if (patch.items !== undefined && patch.items.length > 0) {
    await replaceItems(db, id, patch.items)
    changes.push({ field: 'items', old: null, new: describeItems(patch.items) })
  }
  const trackings = allTrackings(patch, values)
  if (trackings.length > 0) {
    await insertTrackings(db, id, trackings, ctx.source, now)
    changes.push({ field: 'trackings', old: null, new: trackings.map((t) => t.number) })
  }
  for (const [key, value] of Object.entries(patch.extra ?? {})) changes.push({ field: `extra.${key}`, old: null, new: value })
  const deliveryId = await deliveryIdFor(ctx, { action: 'created', orderId: id, orderNumber: patch.orderNumber })
  await insertEvent(db, { orderId: id, type: 'created', changes, source: ctx.source, deliveryId, now })
  return { action: 'created', orderId: id, orderNumber: patch.orderNumber, changes }
}

async function applyToExisting (db: Db, order: StoredOrder, patch: OrderPatch, values: Partial<OrderValues>, ctx: ApplyContext, now: string): Promise<ApplyResult> {
  const result = { orderId: order.id, orderNumber: order.orderNumber }
  if (isStale(patch, order)) {
    await deliveryIdFor(ctx, { ...result, action: 'stale' })
    return { ...result, action: 'stale', changes: [] }
  }

  const changes: FieldChange[] = []
  const changed: Partial<Record<string, unknown>> = {}
  // Tracking numbers that arrive as a list only fill an empty `tracking_number`; they are all kept below either way.
  const fields = withCheckoutStatus(order.values.trackingNumber === undefined ? values : patch.fields, patch, order.values.status)
  const fillIn = patch.fillIn === true
  for (const field of ORDER_FIELDS) {
    const next = fields[field]
    if (next === undefined || next === order.values[field]) continue
    if (fillIn && order.values[field] !== undefined && field !== 'status') continue
    changed[field] = next
    changes.push({ field: FIELD_COLUMNS[field], old: order.values[field] ?? null, new: next })
  }

  if (patch.items !== undefined) {
    const before = await findItems(db, order.id)
    if (JSON.stringify(before) !== JSON.stringify(patch.items) && !(fillIn && before.length > 0)) {
      await replaceItems(db, order.id, patch.items)
      changes.push({ field: 'items', old: describeItems(before), new: describeItems(patch.items) })
    }
  }

  const before = (await findTrackings(db, order.id)).map((t) => t.number)
  const known = new Set(before)
  const added = allTrackings(patch, values).filter((t) => !known.has(t.number))
  const voided = (patch.voidTrackings ?? []).filter((number) => known.has(number))
  if (added.length > 0 || voided.length > 0) {
    await deleteTrackings(db, order.id, voided)
    await insertTrackings(db, order.id, added, ctx.source, now)
    const after = [...before.filter((number) => !voided.includes(number)), ...added.map((t) => t.number)]
    changes.push({ field: 'trackings', old: before, new: after })
  }
  // The order's own tracking number, when its parcel was cancelled, becomes the newest live one (or none).
  const cleared: OrderField[] = []
  const current = order.values.trackingNumber
  if (changed.trackingNumber === undefined && current !== undefined && (patch.voidTrackings ?? []).includes(current)) {
    const live = [...before.filter((number) => !voided.includes(number)), ...added.map((t) => t.number)].at(-1)
    if (live === undefined) cleared.push('trackingNumber')
    else changed.trackingNumber = live
    changes.push({ field: FIELD_COLUMNS.trackingNumber, old: order.values.trackingNumber ?? null, new: live ?? null })
  }

  let extra: Record<string, unknown> | undefined
  for (const [key, value] of Object.entries(patch.extra ?? {})) {
    if (JSON.stringify(order.extra[key]) === JSON.stringify(value) || (fillIn && key in order.extra)) continue
    extra ??= { ...order.extra }
    Object.defineProperty(extra, key, { value, enumerable: true, writable: true, configurable: true })
    changes.push({ field: `extra.${key}`, old: order.extra[key] ?? null, new: value })
  }

  const sourceUpdatedAt = patch.sourceUpdatedAt !== undefined && patch.sourceUpdatedAt !== order.sourceUpdatedAt
    ? patch.sourceUpdatedAt
    : undefined
  if (changes.length === 0) {
    if (sourceUpdatedAt !== undefined) await touchSourceUpdatedAt(db, order.id, sourceUpdatedAt)
    await deliveryIdFor(ctx, { ...result, action: 'unchanged' })
    return { ...result, action: 'unchanged', changes }
  }
  await updateOrder(db, order.id, {
    values: changed as Partial<OrderValues>,
    cleared,
    ...(extra === undefined ? {} : { extra }),
    ...(sourceUpdatedAt === undefined ? {} : { sourceUpdatedAt }),
    now
  })
  const deliveryId = await deliveryIdFor(ctx, { ...result, action: 'updated' })
  await insertEvent(db, { orderId: order.id, type: 'updated', changes, source: ctx.source, deliveryId, now })
  return { ...result, action: 'updated', changes }
}

async function deliveryIdFor (ctx: ApplyContext, outcome: { action: ApplyAction, orderId: number, orderNumber: string }): Promise<number | null> {
  return ctx.recordDelivery === undefined ? ctx.deliveryId ?? null : await ctx.recordDelivery(outcome)
}

/** A platform delivery older than the last one applied must not overwrite newer data (Shopify and WooCommerce retry). */
function isStale (patch: OrderPatch, order: StoredOrder): boolean {
  return patch.sourceUpdatedAt !== undefined && order.sourceUpdatedAt !== null && patch.sourceUpdatedAt < order.sourceUpdatedAt
}

/**
 * The checkout's status for a new order (`stored` undefined) or one still `pending`. A bot re-posting a checkout after
 * the order shipped or was cancelled must not set it back to `verified`.
 */
function withCheckoutStatus (values: Partial<OrderValues>, patch: OrderPatch, stored: OrderValues['status'] | undefined): Partial<OrderValues> {
  if (patch.checkoutStatus === undefined || values.status !== undefined) return values
  if (stored !== undefined && stored !== 'pending') return values
  return { ...values, status: patch.checkoutStatus }
}

/** The first tracking number a delivery brings becomes the order's `tracking_number` when it has none yet. */
function withTrackingNumber (patch: OrderPatch): Partial<OrderValues> {
  const first = patch.trackings?.[0]
  if (patch.fields.trackingNumber !== undefined || first === undefined) return patch.fields
  return { ...patch.fields, trackingNumber: first.number, ...(first.carrier === null || patch.fields.carrier !== undefined ? {} : { carrier: first.carrier }) }
}

function allTrackings (patch: OrderPatch, values: Partial<OrderValues>): Tracking[] {
  const list = [...(patch.trackings ?? [])]
  const number = values.trackingNumber
  if (number !== undefined && !list.some((t) => t.number === number)) list.unshift({ number, carrier: values.carrier ?? null })
  return list
}

function describeItems (items: OrderItem[]): string[] {
  return items.map((i) => `${i.quantity} x ${i.title ?? '?'}${i.variant === null ? '' : ` (${i.variant})`}`)
}
