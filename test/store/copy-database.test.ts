import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyPatch } from '../../src/orders/apply-patch.ts'
import { normalizePatch } from '../../src/orders/normalize-patch.ts'
import type { RawOrderPatch } from '../../src/orders/order-patch.ts'
import { copyDatabase } from '../../src/store/copy-database.ts'
import { claimDeliveryKey, insertDeliveryLog, linkDeliveryKey } from '../../src/store/delivery-log-repository.ts'
import { findEmailByMessageId, insertEmailIfAbsent } from '../../src/store/email-message-repository.ts'
import { findMailboxState, saveMailboxState } from '../../src/store/mailbox-state-repository.ts'
import type { Store } from '../../src/store/open-store.ts'
import { findItems, findOrderForUpdate, findTrackings } from '../../src/store/order-repository.ts'
import { openTestStore, type TestStore, testDatabases } from '../helpers/test-database.ts'

const NOW = new Date('2026-12-01T10:00:00.000Z')
const TABLES = [
  'orders', 'order_items', 'order_tracking', 'webhook_logs', 'order_events', 'email_messages', 'processed_deliveries', 'mailbox_state'
] as const

async function deliver (store: Store, raw: RawOrderPatch, key: string): Promise<void> {
  await store.writer.write(async (db) => {
    const logId = await insertDeliveryLog(db, {
      receivedAt: NOW,
      source: 'generic',
      method: 'POST',
      path: '/api/v2/webhooks/orders',
      contentType: 'application/json',
      headers: {},
      rawBody: Buffer.from(JSON.stringify(raw)),
      statusCode: 200,
      outcome: 'received',
      deliveryKey: key
    })
    await claimDeliveryKey(db, key, NOW)
    await linkDeliveryKey(db, key, logId)
    await applyPatch(db, normalizePatch(raw), { source: 'generic', deliveryId: logId, now: NOW })
  })
}

async function keepEmail (store: Store, messageId: string, status: 'applied' | 'unmatched', orderId: number | null): Promise<void> {
  await store.writer.write(async (db) => {
    await insertEmailIfAbsent(db, {
      messageId,
      via: 'imap',
      mailbox: 'imap.example/bot@example.com/INBOX',
      uid: 7,
      raw: Buffer.from(`Message-ID: ${messageId}\r\nSubject: Your order has shipped\r\n\r\nOrder COPY-1\r\n`),
      now: NOW.toISOString(),
      status,
      sentAt: NOW.toISOString(),
      sender: 'nike@official.nike.com',
      subject: 'Your order has shipped',
      retailer: 'nike',
      kind: 'shipping',
      orderNumber: 'COPY-1',
      orderId,
      problems: status === 'applied' ? [] : ['kept for review']
    })
    await saveMailboxState(db, `imap.example/bot@example.com/INBOX-${messageId}`, { uidValidity: '4294967295', lastUid: 7 }, NOW.toISOString())
  })
}

async function snapshot (store: Store, orderNumber: string): Promise<unknown> {
  const order = await findOrderForUpdate(store.db, orderNumber)
  if (order === undefined) return undefined
  return { order, items: await findItems(store.db, order.id), trackings: await findTrackings(store.db, order.id) }
}

async function countRows (store: Store, table: typeof TABLES[number]): Promise<number> {
  const row = await store.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

describe.each(testDatabases())('copying a SQLite database to %s', (kind) => {
  let source: TestStore
  let target: TestStore
  beforeEach(async () => {
    source = await openTestStore('sqlite')
    target = await openTestStore(kind)
    for (let n = 1; n <= 7; n++) {
      await deliver(source.store, {
        orderNumber: `COPY-${n}`,
        fields: { product: `Dunk Low ${n}`, price: `${n}09.99`, status: 'confirmed' },
        items: [{ title: 'Dunk Low', variant: '10', quantity: 1, unitPrice: '109.99' }],
        trackings: [{ number: `1Z999AA1012345678${n}`, carrier: 'UPS' }]
      }, `key-${n}`)
    }
    await deliver(source.store, { orderNumber: 'COPY-3', fields: { status: 'shipped', commission: '12.5' } }, 'key-again')
    await keepEmail(source.store, '<applied@nike.com>', 'applied', 1)
    await keepEmail(source.store, '<kept@nike.com>', 'unmatched', null)
  })
  afterEach(async () => {
    await target.cleanup()
    await source.cleanup()
  })

  it('copies every table in batches, ids kept, values equal', async () => {
    const counts = await copyDatabase(source.store, target.store, { batchSize: 3 })
    for (const table of TABLES) {
      expect(counts[table], table).toBe(await countRows(source.store, table))
      expect(await countRows(target.store, table), table).toBe(counts[table])
    }
    expect(counts).toMatchObject({ orders: 7, order_events: 8, webhook_logs: 8, processed_deliveries: 8, email_messages: 2, mailbox_state: 2 })
    for (let n = 1; n <= 7; n++) expect(await snapshot(target.store, `COPY-${n}`)).toEqual(await snapshot(source.store, `COPY-${n}`))
  })

  it('copies the stored emails, kept ones too, and where each mailbox was read up to', async () => {
    await copyDatabase(source.store, target.store)
    for (const messageId of ['<applied@nike.com>', '<kept@nike.com>']) {
      expect(await findEmailByMessageId(target.store.db, messageId)).toEqual(await findEmailByMessageId(source.store.db, messageId))
    }
    const key = 'imap.example/bot@example.com/INBOX-<kept@nike.com>'
    expect(await findMailboxState(target.store.db, key)).toEqual({ uidValidity: '4294967295', lastUid: 7 })
  })

  it('lets new orders continue after the highest copied id', async () => {
    await copyDatabase(source.store, target.store)
    await deliver(target.store, { orderNumber: 'AFTER-COPY', fields: { product: 'Jordan 1' } }, 'key-after')
    const order = await findOrderForUpdate(target.store.db, 'AFTER-COPY')
    expect(order?.id).toBe(8)
    await keepEmail(target.store, '<after-copy@nike.com>', 'unmatched', null)
    expect((await findEmailByMessageId(target.store.db, '<after-copy@nike.com>'))?.id).toBe(3)
  })

  it('finishes an interrupted copy when run again, without doubling anything', async () => {
    await copyDatabase(source.store, target.store)
    await copyDatabase(source.store, target.store)
    for (const table of TABLES) expect(await countRows(target.store, table), table).toBe(await countRows(source.store, table))
  })
})

describe.each(testDatabases())('copying a %s database to SQLite', (kind) => {
  let source: TestStore
  let target: TestStore
  beforeEach(async () => {
    source = await openTestStore(kind)
    target = await openTestStore('sqlite')
    await deliver(source.store, { orderNumber: 'COPY-1', fields: { product: 'Dunk Low', status: 'shipped' } }, 'key-1')
    await keepEmail(source.store, '<applied@nike.com>', 'applied', 1)
  })
  afterEach(async () => {
    await target.cleanup()
    await source.cleanup()
  })

  it('copies every table, emails and mailbox positions included', async () => {
    await copyDatabase(source.store, target.store)
    for (const table of TABLES) expect(await countRows(target.store, table), table).toBe(await countRows(source.store, table))
    expect(await findEmailByMessageId(target.store.db, '<applied@nike.com>')).toEqual(await findEmailByMessageId(source.store.db, '<applied@nike.com>'))
    expect(await snapshot(target.store, 'COPY-1')).toEqual(await snapshot(source.store, 'COPY-1'))
  })
})
