import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { Worker } from 'node:worker_threads'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import type { Db } from '../../src/store/database.ts'
import { openStore } from '../../src/store/open-store.ts'
import { openSqliteWriter, sqliteConnection } from '../../src/store/dialects/sqlite.ts'
import { createGroupCommitWriter } from '../../src/store/dialects/sqlite-group-commit.ts'
import { walSync } from '../../src/store/dialects/sqlite-wal-sync.ts'
import { createWriteTurn, isSomeoneWaiting, waitForTurn, type WriteTurn } from '../../src/store/dialects/sqlite-write-turn.ts'
import type { Writer } from '../../src/store/writer.ts'
import { waitFor } from '../helpers/wait-for.ts'

/** A sync the test finishes by hand, counting how often the writer asked for one. */
function manualSync (): { sync: () => Promise<void>, finish: (error?: Error) => void, asked: () => number } {
  let waiting: Array<{ resolve: () => void, reject: (error: Error) => void }> = []
  let asked = 0
  return {
    sync: async () => {
      asked++
      await new Promise<void>((resolve, reject) => { waiting.push({ resolve, reject }) })
    },
    finish: (error) => {
      const now = waiting
      waiting = []
      for (const w of now) if (error === undefined) w.resolve(); else w.reject(error)
    },
    asked: () => asked
  }
}

const insertOrder = (orderNumber: string) => async (db: Db): Promise<number> => {
  const row = await db.kysely.insertInto('orders').values({
    order_number: orderNumber, status: 'pending', source: 'test', extra: '{}', created_at: 'now', updated_at: 'now'
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** Lets the writer's promise chains run (jobs are async though their statements are not). */
async function settle (): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve))
}

describe('the SQLite group-commit writer (delivery thread)', () => {
  let dir: string
  let writer: Writer
  let disk: ReturnType<typeof manualSync>
  let batches: number[]
  let turn: WriteTurn
  let closeConnection: () => Promise<void>
  // Another connection, as the request thread's: it never waits for the lock (busy_timeout 0), so a test sees at once
  // whether the writer holds it. The store's own background fold is not running: it would wait on this thread.
  let other: SqliteDatabase.Database

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roms-group-commit-'))
    const file = join(dir, 'roms.db')
    const setup = openStore(file)
    await setup.migrate()
    await setup.close()
    const database = openSqliteWriter(file, { checkpointed: false })
    database.pragma('synchronous = NORMAL')
    const connection = sqliteConnection(database, 'write')
    disk = manualSync()
    batches = []
    turn = createWriteTurn()
    writer = createGroupCommitWriter(database, connection, { sync: disk.sync, onBatch: (size) => batches.push(size), isSomeoneWaiting: () => isSomeoneWaiting(turn) })
    closeConnection = async () => { await connection.kysely.destroy() }
    other = new SqliteDatabase(file)
    other.pragma('busy_timeout = 0')
  })
  afterEach(async () => {
    const state = { closed: false }
    const closing = writer.close().then(() => { state.closed = true })
    while (!state.closed) {
      disk.finish()
      await settle()
    }
    await closing
    await closeConnection()
    other.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const stored = async (): Promise<string[]> => other.prepare('select order_number from orders order by order_number').pluck().all() as string[]

  it('answers a job only after the sync that followed its commit', async () => {
    let answered = false
    const job = writer.write(insertOrder('S-1')).then((id) => { answered = true; return id })
    await settle()
    // Committed (another connection reads it) but not yet on disk for sure: not answered.
    expect(await stored()).toEqual(['S-1'])
    expect(disk.asked()).toBe(1)
    expect(answered).toBe(false)
    disk.finish()
    expect(await job).toBeGreaterThan(0)
    expect(answered).toBe(true)
  })

  it('runs the jobs that arrive during a sync at once, and commits them together when the sync ends', async () => {
    const first = writer.write(insertOrder('B-1'))
    await settle()
    const next = ['B-2', 'B-3', 'B-4'].map((n) => writer.write(insertOrder(n)))
    await settle()
    // They ran inside the open transaction: not committed while the disk is busy with the first batch.
    expect(await stored()).toEqual(['B-1'])
    expect(writer.depth()).toBe(4)
    disk.finish()
    await first
    await settle()
    expect(await stored()).toEqual(['B-1', 'B-2', 'B-3', 'B-4'])
    disk.finish()
    await Promise.all(next)
    expect(batches).toEqual([1, 3])
    expect(disk.asked()).toBe(2)
  })

  it('undoes a failing job alone: the jobs beside it in the same transaction commit', async () => {
    const blocker = writer.write(insertOrder('F-0'))
    await settle()
    const results = Promise.allSettled([
      writer.write(insertOrder('F-1')),
      writer.write(async (db) => {
        await insertOrder('F-2')(db)
        throw new Error('this job fails after writing')
      }),
      writer.write(insertOrder('F-1')),
      writer.write(insertOrder('F-3'))
    ])
    disk.finish()
    await blocker
    await settle()
    disk.finish()
    const outcomes = await results
    expect(outcomes.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled'])
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/)
    expect(await stored()).toEqual(['F-0', 'F-1', 'F-3'])
    expect(batches).toEqual([1, 2])
  })

  it('fails the jobs of a commit whose sync failed, and goes on with the next ones', async () => {
    const lost = writer.write(insertOrder('E-1'))
    await settle()
    disk.finish(new Error('EIO: the disk failed'))
    await expect(lost).rejects.toThrow(/EIO/)
    const next = writer.write(insertOrder('E-2'))
    await settle()
    disk.finish()
    expect(await next).toBeGreaterThan(0)
  })

  it('lets a writer waiting for the lock go first: commits what it holds, then begins nothing until that one is done', async () => {
    const first = writer.write(insertOrder('T-1'))
    await settle()
    const second = writer.write(insertOrder('T-2'))
    await settle()
    expect(await stored()).toEqual(['T-1'])
    // Another connection's `begin immediate` is waiting (as waitForTurn counts it on the request thread).
    Atomics.add(turn, 0, 1)
    const third = writer.write(insertOrder('T-3'))
    await settle()
    expect(await stored()).toEqual(['T-1', 'T-2', 'T-3'])
    const fourth = writer.write(insertOrder('T-4'))
    await settle()
    // The lock is free (this connection does not wait for it) and the writer has begun nothing meanwhile.
    other.exec(`begin immediate; insert into orders (order_number, status, source, extra, created_at, updated_at)
      values ('M-1', 'pending', 'test', '{}', 'now', 'now'); commit`)
    expect(await stored()).toEqual(['M-1', 'T-1', 'T-2', 'T-3'])
    Atomics.sub(turn, 0, 1)
    await waitFor(async () => {
      disk.finish()
      await settle()
      return (await stored()).includes('T-4')
    }, 'the writer to go on once no one waits')
    disk.finish()
    await Promise.all([first, second, third, fourth])
  })

  it('on close, answers every job handed over before it, then refuses new ones', async () => {
    const jobs = ['C-1', 'C-2'].map((n) => writer.write(insertOrder(n)))
    await settle()
    let closed = false
    const closing = writer.close().then(() => { closed = true })
    await expect(writer.write(insertOrder('C-3'))).rejects.toThrow(/closed/)
    await settle()
    expect(closed).toBe(false)
    disk.finish()
    await settle()
    disk.finish()
    await Promise.all([...jobs, closing])
    expect(await stored()).toEqual(['C-1', 'C-2'])
  })
})

describe('taking turns on the write lock', () => {
  it('counts the request thread\'s writer as waiting while its begin waits for the lock, as another thread sees it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roms-turn-'))
    const turn = createWriteTurn()
    // Watches the count from another thread, as the delivery writer thread does, while this one is blocked in `begin`.
    const watcher = new Worker(`const { parentPort, workerData } = require('node:worker_threads')
      parentPort.postMessage('watching')
      const end = Date.now() + 10000
      while (Date.now() < end && Atomics.load(workerData, 0) === 0);
      parentPort.postMessage(Atomics.load(workerData, 0))`, { eval: true, workerData: turn })
    const messages: unknown[] = []
    const seen = new Promise((resolve) => watcher.on('message', (message) => { messages.push(message); if (messages.length === 2) resolve(message) }))
    try {
      await waitFor(() => messages.length > 0, 'the watcher to start')
      const database = openSqliteWriter(join(dir, 'turn.db'), { checkpointed: false })
      database.exec('create table t (x)')
      database.pragma('busy_timeout = 300')
      const holder = new SqliteDatabase(join(dir, 'turn.db'))
      holder.exec('begin immediate')
      const { kysely } = sqliteConnection(database, 'write', turn)
      await expect(kysely.transaction().execute(async () => undefined)).rejects.toThrow(/locked|busy/i)
      expect(await seen).toBe(1)
      expect(isSomeoneWaiting(turn)).toBe(false)
      holder.exec('rollback')
      holder.close()
      await kysely.destroy()
    } finally {
      await watcher.terminate()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('counts a writer as waiting while its begin runs, and not after, even when it fails', () => {
    const turn = createWriteTurn()
    expect(waitForTurn(turn, () => isSomeoneWaiting(turn))).toBe(true)
    expect(isSomeoneWaiting(turn)).toBe(false)
    expect(() => waitForTurn(turn, () => { throw new Error('SQLITE_BUSY') })).toThrow(/BUSY/)
    expect(isSomeoneWaiting(turn)).toBe(false)
  })
})

describe('walSync', () => {
  let dir: string
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'roms-wal-')) })
  afterEach(() => { rmSync(dir, { recursive: true, force: true }) })

  it('syncs the write-ahead log of a real file, also after the log was removed and made again', async () => {
    const file = join(dir, 'w.db')
    const wal = walSync(file)
    let db = openSqliteWriter(file, { checkpointed: false })
    db.exec('create table t (x)')
    await wal.sync()
    // The last connection to close removes the log; the next one makes a new file at the same path.
    db.close()
    db = openSqliteWriter(file, { checkpointed: false })
    db.exec('insert into t values (1)')
    await wal.sync()
    db.close()
    wal.close()
  })

  it('names the file when there is no log to sync', async () => {
    const wal = walSync(join(dir, 'missing.db'))
    await expect(wal.sync()).rejects.toThrow(/missing\.db-wal/)
  })
})
