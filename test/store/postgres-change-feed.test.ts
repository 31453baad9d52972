import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChangeFeed } from '../../src/store/change-feed.ts'
import { channelFor, createPostgresChangeFeed } from '../../src/store/dialects/postgres-change-feed.ts'
import { openPostgres, type PostgresConnections, withSearchPath } from '../../src/store/dialects/postgres.ts'
import { openTestStore, type TestStore, testDatabases } from '../helpers/test-database.ts'

/** Resolves with the next `count` ids the feed passes on. */
function nextIds (feed: ChangeFeed, count: number): Promise<number[]> {
  const ids: number[] = []
  return new Promise((resolve) => {
    const stop = feed.subscribe((id) => {
      ids.push(id)
      if (ids.length === count) {
        stop()
        resolve(ids)
      }
    })
  })
}

function listening (): { next: () => Promise<void>, onListening: () => void } {
  let waiters: Array<() => void> = []
  return {
    next: async () => await new Promise<void>((resolve) => waiters.push(resolve)),
    onListening: () => {
      const ready = waiters
      waiters = []
      for (const resolve of ready) resolve()
    }
  }
}

describe('change feed channel', () => {
  it('is one per schema, so ROMS installations sharing a database do not hear each other', () => {
    expect(channelFor('public')).toBe('roms_deliveries')
    expect(channelFor(null)).toBe('roms_deliveries')
    expect(channelFor('shop_a')).toBe('roms_deliveries_shop_a')
    expect(channelFor('Shop')).toBe('roms_deliveries_Shop')
    const long = channelFor('s'.repeat(63))
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(63)
    expect(long).not.toBe(channelFor(`${'s'.repeat(62)}t`))
  })
})

describe.runIf(testDatabases().includes('postgres'))('PostgreSQL change feed across instances', () => {
  let test: TestStore
  let url: string
  let a: { conns: PostgresConnections, feed: ChangeFeed, ready: ReturnType<typeof listening> }
  let b: { conns: PostgresConnections, feed: ChangeFeed, ready: ReturnType<typeof listening> }

  async function open (spelled = url): Promise<typeof a> {
    const conns = openPostgres(spelled)
    const ready = listening()
    const started = ready.next()
    const feed = createPostgresChangeFeed(spelled, conns.pool, { onListening: ready.onListening, reconnectMs: 20 })
    feed.subscribe(() => undefined)
    await started
    return { conns, feed, ready }
  }

  beforeAll(async () => {
    test = await openTestStore('postgres')
    url = withSearchPath(process.env.TEST_DATABASE_URL ?? '', test.schema ?? '')
    a = await open()
    b = await open()
  })
  afterAll(async () => {
    for (const side of [a, b]) {
      side?.feed.close()
      await side?.conns.close()
    }
    await test?.cleanup()
  })

  it('tells the other instance, and this instance exactly once', async () => {
    const onA: number[] = []
    const stop = a.feed.subscribe((id) => onA.push(id))
    const onB = nextIds(b.feed, 2)
    a.feed.publish(101)
    a.feed.publish(102)
    expect(await onB).toEqual([101, 102])
    // Notifications arrive in commit order: when B's 103 reaches A, A's echoes of 101 and 102 would have come first.
    const third = nextIds(a.feed, 1)
    b.feed.publish(103)
    await third
    stop()
    expect(onA).toEqual([101, 102, 103])
  })

  it('tells the other instance of an order changed without a delivery (an email), apart from deliveries', async () => {
    const deliveriesOnB: number[] = []
    const stopDeliveries = b.feed.subscribe((id) => deliveriesOnB.push(id))
    const ordersOnA: number[] = []
    const stopA = a.feed.subscribeOrders((id) => ordersOnA.push(id))
    const heard = new Promise<number>((resolve) => {
      const stop = b.feed.subscribeOrders((id) => {
        stop()
        resolve(id)
      })
    })
    a.feed.publishOrder(77)
    expect(await heard).toBe(77)
    // B's delivery reaches A after A's own echo would have: A heard its order once, from itself.
    const back = nextIds(a.feed, 1)
    b.feed.publish(301)
    expect(await back).toEqual([301])
    stopA()
    stopDeliveries()
    expect(ordersOnA).toEqual([77])
    expect(deliveriesOnB).toEqual([301])
  })

  it('tells an instance that spells the same schema in capitals (PostgreSQL folds it)', async () => {
    const upper = await open(withSearchPath(process.env.TEST_DATABASE_URL ?? '', (test.schema ?? '').toUpperCase()))
    try {
      const heard = nextIds(upper.feed, 1)
      a.feed.publish(201)
      expect(await heard).toEqual([201])
      const back = nextIds(a.feed, 1)
      upper.feed.publish(202)
      expect(await back).toEqual([202])
    } finally {
      upper.feed.close()
      await upper.conns.close()
    }
  })

  it('listens again after its connection is killed, and replays deliveries with an order committed meanwhile', async () => {
    // Committed without NOTIFY, as if it landed while B's connection was down; only the replay can show it.
    const orderRow = await test.store.db.kysely.insertInto('orders').values({
      order_number: 'FEED-1', status: 'pending', source: 'generic', extra: '{}', created_at: 'now', updated_at: 'now'
    }).returning('id').executeTakeFirstOrThrow()
    const log = await test.store.db.kysely.insertInto('webhook_logs').values({
      id: 1000,
      created_at: 'now',
      source: 'generic',
      method: 'POST',
      path: '/',
      content_type: null,
      headers: '{}',
      raw_body: '',
      raw_body_encoding: 'utf8',
      body_size: 0,
      body_preview: '',
      status_code: 200,
      outcome: 'created',
      order_id: orderRow.id
    }).returning('id').executeTakeFirstOrThrow()
    const back = b.ready.next()
    const { rows } = await b.conns.pool.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where query = $1', [`listen "${channelFor(test.schema ?? null)}"`])
    expect(rows.length).toBeGreaterThanOrEqual(1)
    const replayed = nextIds(b.feed, 1)
    await back
    expect(await replayed).toEqual([log.id])
    const afterwards = nextIds(b.feed, 1)
    a.feed.publish(log.id + 1)
    expect(await afterwards).toEqual([log.id + 1])
  })
})
