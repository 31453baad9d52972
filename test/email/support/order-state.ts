import { readFileSync } from 'node:fs'
import type { ApplyEmailDeps } from '../../../src/email/apply-email.ts'
import type { OrderItem, OrderValues, Tracking } from '../../../src/orders/order-patch.ts'
import type { Store } from '../../../src/store/open-store.ts'
import { findItems, findOrderForUpdate, findTrackings } from '../../../src/store/order-repository.ts'
import { fixturePath } from './fixture-path.ts'

export function fixture (name: string): Buffer {
  return readFileSync(fixturePath(name))
}

/** A fixture with its Message-ID replaced, to stand for another email of the same text. */
export function withMessageId (raw: Buffer, messageId: string): Buffer {
  return Buffer.from(raw.toString('utf8').replace(/^Message-ID:.*$/mi, `Message-ID: ${messageId}`))
}

export function emailDeps (store: Store, more: Partial<ApplyEmailDeps> = {}): ApplyEmailDeps {
  return { writer: store.writer, clock: () => new Date('2025-03-04T10:00:00Z'), ...more }
}

export interface OrderState {
  values: Partial<OrderValues>
  items: OrderItem[]
  trackings: Tracking[]
  events: number
}

/** The order as stored, read straight from its tables. */
export async function orderState (store: Store, orderNumber: string): Promise<OrderState | undefined> {
  const order = await findOrderForUpdate(store.db, orderNumber)
  if (order === undefined) return undefined
  const events = await store.db.kysely.selectFrom('order_events').select('id').where('order_id', '=', order.id).execute()
  return {
    values: order.values,
    items: await findItems(store.db, order.id),
    trackings: await findTrackings(store.db, order.id),
    events: events.length
  }
}
