import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../src/store/open-store.ts'
import type { Db } from '../../src/store/database.ts'
import { openTestStore, type TestStore, testDatabases } from '../helpers/test-database.ts'

function conflict (code: string): Error {
  return Object.assign(new Error('lost a race'), { code })
}

async function countLogs (db: Db): Promise<number> {
  const row = await db.kysely.selectFrom('webhook_logs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

async function insertLog (db: Db, path: string): Promise<number> {
  const row = await db.kysely.insertInto('webhook_logs').values({
    created_at: new Date().toISOString(),
    source: 'generic',
    method: 'POST',
    path,
    content_type: null,
    headers: '{}',
    raw_body: '',
    raw_body_encoding: 'utf8',
    body_size: 0,
    body_preview: '',
    status_code: 200,
    outcome: 'received'
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

describe.each(testDatabases())('writer on %s: conflicts are retried, failures stay alone', (kind) => {
  let test: TestStore
  beforeAll(async () => { test = await openTestStore(kind) })
  afterAll(async () => { await test.cleanup() })

  it('runs a job again in the next batch when it lost a deadlock, and it commits once', async () => {
    let runs = 0
    const results = await Promise.all([
      test.store.writer.write(async (db) => await insertLog(db, '/neighbour')),
      test.store.writer.write(async (db) => {
        runs++
        const id = await insertLog(db, '/retried')
        if (runs === 1) throw conflict('40P01')
        return id
      })
    ])
    expect(runs).toBe(2)
    expect(results).toHaveLength(2)
    const paths = await test.store.db.kysely.selectFrom('webhook_logs').select('path').where('path', '=', '/retried').execute()
    expect(paths).toHaveLength(1)
  })

  it('gives up after a bounded number of attempts and reports the conflict', async () => {
    let runs = 0
    const before = await countLogs(test.store.db)
    await expect(test.store.writer.write(async (db) => {
      runs++
      await insertLog(db, '/always-conflicts')
      throw conflict('40001')
    })).rejects.toMatchObject({ code: '40001' })
    expect(runs).toBe(5)
    expect(await countLogs(test.store.db)).toBe(before)
  })

  it('does not retry a job that failed for its own reasons', async () => {
    let runs = 0
    await expect(test.store.writer.write(async () => {
      runs++
      throw new Error('bad data')
    })).rejects.toThrow('bad data')
    expect(runs).toBe(1)
  })
})

describe.runIf(testDatabases().includes('postgres'))('two writers on one PostgreSQL schema', () => {
  let test: TestStore
  let other: Store
  beforeAll(async () => {
    test = await openTestStore('postgres')
    other = openStore(process.env.TEST_DATABASE_URL ?? '', { schema: test.schema })
  })
  afterAll(async () => {
    await other.close()
    await test.cleanup()
  })

  it('survives a real deadlock between two batches: every job commits exactly once', async () => {
    // Each batch locks one row, waits until the other batch holds the other row, then wants it: a lock cycle that
    // PostgreSQL breaks by failing one statement with 40P01.
    const a = await insertLog(test.store.db, '/a')
    const b = await insertLog(test.store.db, '/b')
    let release = (): void => undefined
    let arrived = 0
    const bothHoldOne = new Promise<void>((resolve) => { release = resolve })
    const meet = async (): Promise<void> => {
      if (++arrived === 2) release()
      await bothHoldOne
    }
    const crossing = (first: number, second: number) => async (db: Db): Promise<void> => {
      await db.kysely.updateTable('webhook_logs').set({ body_size: sql`body_size + 1` }).where('id', '=', first).execute()
      await meet()
      await db.kysely.updateTable('webhook_logs').set({ body_size: sql`body_size + 1` }).where('id', '=', second).execute()
    }
    await Promise.all([test.store.writer.write(crossing(a, b)), other.writer.write(crossing(b, a))])
    const rows = await test.store.db.kysely.selectFrom('webhook_logs').select(['id', 'body_size']).where('id', 'in', [a, b]).execute()
    expect(rows.map((r) => r.body_size)).toEqual([2, 2])
  })
})
