import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { startDeliveryWriterThread, type DeliveryWriterThread } from '../../src/intake/delivery-writer-thread.ts'
import type { DeliveryJob } from '../../src/intake/store-delivery.ts'
import { DomainError } from '../../src/domain-error.ts'
import { isDatabaseUnavailable } from '../../src/store/database-errors.ts'
import { openTestStore, type TestStore } from '../helpers/test-database.ts'

function jobFor (orderNumber: string, fields: Record<string, unknown> = { status: 'verified', product: 'Dunk Low' }): DeliveryJob {
  const body = Buffer.from(JSON.stringify({ order_number: orderNumber, ...fields }))
  return {
    log: {
      receivedAt: new Date('2026-11-29T10:00:00Z'),
      method: 'POST',
      path: '/api/v2/webhooks/orders',
      contentType: 'application/json',
      headers: { 'content-type': 'application/json' },
      rawBody: body,
      clientIp: '127.0.0.1',
      replayOf: null,
      source: 'generic',
      statusCode: 200,
      orderNumber,
      deliveryKey: null
    },
    patch: { orderNumber, fields },
    now: new Date('2026-11-29T10:00:00Z')
  } as unknown as DeliveryJob
}

describe('the SQLite delivery writer thread', () => {
  let t: TestStore
  let thread: DeliveryWriterThread | undefined
  beforeEach(async () => { t = await openTestStore('sqlite') })
  afterEach(async () => {
    await thread?.close()
    thread = undefined
    await t.cleanup()
  })

  it('stores a delivery from its own thread and answers only once another connection can read it', async () => {
    const batches: number[] = []
    thread = startDeliveryWriterThread(t.databaseUrl, { onBatch: (size) => batches.push(size) })
    const results = await Promise.all(['T-1', 'T-2', 'T-3'].map(async (n) => {
      const result = await thread?.store(jobFor(n))
      const order = await t.store.db.kysely.selectFrom('orders').select(['id', 'product']).where('order_number', '=', n).executeTakeFirst()
      const record = await t.store.db.kysely.selectFrom('webhook_logs').select(['raw_body', 'outcome']).where('id', '=', result?.logId ?? -1).executeTakeFirst()
      return { result, order, record }
    }))
    for (const [i, { result, order, record }] of results.entries()) {
      expect(result).toMatchObject({ statusCode: 200, outcome: 'created', orderNumber: `T-${i + 1}`, orderId: order?.id })
      expect(order?.product).toBe('Dunk Low')
      // The raw body crossed the thread as bytes and was stored as sent.
      expect(record).toEqual({ raw_body: JSON.stringify({ order_number: `T-${i + 1}`, status: 'verified', product: 'Dunk Low' }), outcome: 'created' })
    }
    expect(batches.reduce((a, b) => a + b, 0)).toBe(3)
  })

  it('commits the deliveries handed over together in one batch, and one that fails fails alone with its error', async () => {
    const batches: number[] = []
    thread = startDeliveryWriterThread(t.databaseUrl, { onBatch: (size) => batches.push(size) })
    const broken = jobFor('T-BAD')
    // orders.order_number is NOT NULL: this one fails inside the transaction, after the jobs before it wrote.
    ;(broken.patch as { orderNumber: unknown }).orderNumber = null
    const settled = await Promise.allSettled([thread.store(jobFor('T-A')), thread.store(broken), thread.store(jobFor('T-B'))])
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    const error = (settled[1] as PromiseRejectedResult).reason as Error & { code?: string }
    expect(error.code).toMatch(/^SQLITE_CONSTRAINT/)
    // The failing one was undone alone: the other two committed together.
    expect(batches[0]).toBe(2)
    const numbers = (await t.store.db.kysely.selectFrom('orders').select('order_number').orderBy('order_number').execute()).map((r) => r.order_number)
    expect(numbers).toEqual(['T-A', 'T-B'])
  })

  it('updates an order it created, with an event listing only the changed fields', async () => {
    thread = startDeliveryWriterThread(t.databaseUrl)
    await thread.store(jobFor('T-U', { status: 'verified', size: '10' }))
    const updated = await thread.store(jobFor('T-U', { status: 'shipped', size: '10' }))
    expect(updated).toMatchObject({ outcome: 'updated', action: 'updated' })
    const event = await t.store.db.kysely.selectFrom('order_events').select('changes').where('event_type', '=', 'updated').executeTakeFirstOrThrow()
    expect(JSON.parse(event.changes)).toEqual([{ field: 'status', old: 'verified', new: 'shipped' }])
  })

  it('writes a delivery record without an order', async () => {
    thread = startDeliveryWriterThread(t.databaseUrl)
    const { log } = jobFor('T-R')
    const id = await thread.record({ ...log, statusCode: 401, outcome: 'unauthorized', errorCode: 'SIGNATURE_INVALID', error: 'no' })
    const row = await t.store.db.kysely.selectFrom('webhook_logs').select(['outcome', 'error_code', 'order_id']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toEqual({ outcome: 'unauthorized', error_code: 'SIGNATURE_INVALID', order_id: null })
  })

  it('folds stored orders into the search index and daily stats in its own transactions', async () => {
    thread = startDeliveryWriterThread(t.databaseUrl)
    const ids = await Promise.all(['T-F1', 'T-F2', 'T-F3'].map(async (n) => (await thread?.store(jobFor(n)))?.orderId))
    expect(await thread.fold()).toBe(false)
    const state = await sql<{ last_order_id: number }>`select last_order_id from order_fold_state`.execute(t.store.db.kysely)
    expect(state.rows[0]?.last_order_id).toBe(Math.max(...ids.map(Number)))
    const counted = await sql<{ orders: number }>`select sum(orders) as orders from order_daily_stats where dimension = 'status'`.execute(t.store.db.kysely)
    expect(counted.rows[0]?.orders).toBe(3)
  })

  it('commits everything handed over before close, then stops', async () => {
    thread = startDeliveryWriterThread(t.databaseUrl)
    const pending = Array.from({ length: 50 }, async (_, i) => await thread?.store(jobFor(`T-C${i}`)))
    const closing = thread.close()
    await expect(thread.store(jobFor('T-LATE'))).rejects.toThrow(/closed/)
    expect((await Promise.all(pending)).every((r) => r?.outcome === 'created')).toBe(true)
    await closing
    const { count } = await t.store.db.kysely.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()
    expect(Number(count)).toBe(50)
  })

  it('answers deliveries with a database-unavailable error when the thread cannot work, so senders retry', async () => {
    thread = startDeliveryWriterThread('/nonexistent-dir/roms.db')
    const error: unknown = await thread.store(jobFor('T-X')).catch((e: unknown) => e)
    expect(isDatabaseUnavailable(error)).toBe(true)
  })
})

describe('errors crossing the thread', () => {
  it('keep a DomainError its class, code and field', async () => {
    const { toPlainError, fromPlainError } = await import('../../src/thread-errors.ts')
    const again = fromPlainError(toPlainError(new DomainError('FIELD_INVALID', 'quantity is not a number', { field: 'quantity' })))
    expect(again).toBeInstanceOf(DomainError)
    expect(again).toMatchObject({ code: 'FIELD_INVALID', field: 'quantity', message: 'quantity is not a number' })
  })
})
