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
