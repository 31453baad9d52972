import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { statSync } from 'node:fs'
import { createWriter } from '../../src/store/writer.ts'
import { openTestStore, type TestStore, testDatabases } from '../helpers/test-database.ts'

for (const kind of testDatabases()) {
  describe(`the group-commit writer (${kind})`, () => {
    let t: TestStore
    beforeEach(async () => { t = await openTestStore(kind) })
    afterEach(async () => { await t.cleanup() })

    const insertJob = (orderNumber: string) => async (db: Parameters<Parameters<typeof t.store.writer.write>[0]>[0]) =>
      await db.kysely.insertInto('orders').values({
        order_number: orderNumber, status: 'pending', source: 'test', extra: '{}', created_at: 'now', updated_at: 'now'
      }).returning('id').executeTakeFirstOrThrow()

    it('commits jobs queued together in one batch, and a failing job fails alone', async () => {
      const batches: number[] = []
      const writer = createWriter(t.store.db.kysely, t.store.features, { onBatch: (size) => batches.push(size) })
      // Bypass the store's own writer on purpose: this one reports its batch sizes.
      const results = await Promise.allSettled([
        writer.write(insertJob('W-1')),
        writer.write(async (db) => {
          await insertJob('W-2')(db)
          throw new Error('this job fails after writing')
        }),
        writer.write(insertJob('W-1')),
        writer.write(insertJob('W-3'))
      ])
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled'])
      expect(batches[0]).toBe(4)
      const numbers = (await t.store.db.kysely.selectFrom('orders').select('order_number').orderBy('order_number').execute()).map((r) => r.order_number)
      expect(numbers).toEqual(['W-1', 'W-3'])
      await writer.close()
    })

    it('resolves a job only after its transaction is committed and visible to other connections', async () => {
      const seen: boolean[] = []
      await Promise.all(['V-1', 'V-2', 'V-3'].map(async (n) => {
        await t.store.writer.write(insertJob(n))
        // A separate read connection sees only committed data.
        const row = await t.store.db.kysely.selectFrom('orders').select('id').where('order_number', '=', n).executeTakeFirst()
        seen.push(row !== undefined)
      }))
      expect(seen).toEqual([true, true, true])
    })

    it('with a commit delay, lets a job that comes soon after join the next batch while deliveries arrive together', async () => {
      const batches: number[] = []
      const writer = createWriter(t.store.db.kysely, t.store.features, { commitDelayMs: 50, onBatch: (size) => batches.push(size) })
      await Promise.all([writer.write(insertJob('D-1')), writer.write(insertJob('D-2'))])
      const third = writer.write(insertJob('D-3'))
      await new Promise((resolve) => setTimeout(resolve, 10))
      await Promise.all([third, writer.write(insertJob('D-4'))])
      expect(batches).toEqual([2, 2])
      await writer.close()
    })

    it('runs a batch\'s jobs in lock order, each order\'s jobs in turn, and none past a job without a lock order', async () => {
      const ran: string[] = []
      const writer = createWriter(t.store.db.kysely, t.store.features)
      const job = (label: string) => async () => { ran.push(label) }
      await Promise.all([
        writer.write(job('c1'), 'C'), writer.write(job('a1'), 'A'), writer.write(job('c2'), 'C'),
        writer.write(job('x')),
        writer.write(job('b1'), 'B'), writer.write(job('a2'), 'A')
      ])
      expect(ran).toEqual(['a1', 'c1', 'c2', 'x', 'a2', 'b1'])
      await writer.close()
    })

    // Deadlocks need two writers at once: SQLite has one writer at a time.
    if (kind === 'postgres') {
      it('lets two instances take the same new orders without deadlocking, whatever order they came in', async () => {
        // Each writer stands for an instance: its batch creates three orders, pausing after each so the two overlap.
        const runs = new Map<string, number>()
        const createJob = (writer: string, orderNumber: string) => async (db: Parameters<Parameters<typeof t.store.writer.write>[0]>[0]) => {
          runs.set(`${writer}:${orderNumber}`, (runs.get(`${writer}:${orderNumber}`) ?? 0) + 1)
          await db.kysely.insertInto('orders').values({
            order_number: orderNumber, status: 'pending', source: 'test', extra: '{}', created_at: 'now', updated_at: 'now'
          }).onConflict((oc) => oc.column('order_number').doNothing()).execute()
          await sql`select pg_sleep(0.1)`.execute(db.kysely)
        }
        const one = createWriter(t.store.db.kysely, t.store.features)
        const two = createWriter(t.store.db.kysely, t.store.features)
        const numbers = ['L-1', 'L-2', 'L-3']
        await Promise.all([
          ...numbers.map((n) => one.write(createJob('one', n), n)),
          ...[...numbers].reverse().map((n) => two.write(createJob('two', n), n))
        ])
        // A deadlock rolls one batch back and runs its jobs again, one by one.
        expect([...runs.values()]).toEqual([1, 1, 1, 1, 1, 1])
        expect(await t.store.db.kysely.selectFrom('orders').select('order_number').orderBy('order_number').execute()).toEqual(numbers.map((n) => ({ order_number: n })))
        await one.close()
        await two.close()
      })
    }

    it('refuses new jobs once closed, after finishing queued ones', async () => {
      const pending = t.store.writer.write(insertJob('C-1'))
      const closing = t.store.writer.close()
      await expect(t.store.writer.write(insertJob('C-2'))).rejects.toThrow(/closed/)
      await pending
      await closing
    })
  })
}

describe('the SQLite checkpointer', () => {
  it('copies the write-ahead log into the database file from its own thread, and lets the store close', async () => {
    const t = await openTestStore('sqlite')
    try {
      for (let batch = 0; batch < 20; batch++) {
        await Promise.all(Array.from({ length: 100 }, async (_, i) => await t.store.writer.write(async (db) =>
          await db.kysely.insertInto('orders').values({
            order_number: `CP-${batch}-${i}`, status: 'pending', source: 'test', extra: JSON.stringify({ pad: 'x'.repeat(2000) }), created_at: 'now', updated_at: 'now'
          }).execute())))
      }
      // The writer's own automatic checkpoint is pushed to 20,000 pages, far beyond these 4 MB: only the checkpointer
      // thread copies the log into the database file, so the file itself grows only if that thread runs.
      const deadline = Date.now() + 10_000
      let size = statSync(t.databaseUrl).size
      while (size < 2_000_000 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        size = statSync(t.databaseUrl).size
      }
      expect(size).toBeGreaterThan(2_000_000)
    } finally {
      await t.cleanup()
    }
  })
})
