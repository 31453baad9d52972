import type SqliteDatabase from 'better-sqlite3'
import type { Db } from '../database.ts'
import type { Writer, WriteJob } from '../writer.ts'
import { type SqliteConnection, sqliteFeatures } from './sqlite.ts'

export interface GroupCommitOptions {
  /** Makes every commit so far durable (walSync's `sync`); a job is answered only after the sync that followed its commit. */
  sync: () => Promise<void>
  /** Commit at once when this many jobs ran since the last commit, even while a sync is under way. */
  maxBatch?: number
  onBatch?: (size: number) => void
  /** Another connection waits for the write lock (sqlite-write-turn.ts): commit what is held and begin nothing new. */
  isSomeoneWaiting?: () => boolean
}

/** While another writer waits for its turn, how often the queue looks again. */
const YIELD_MS = 1

interface Pending {
  job: WriteJob<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

interface Ran {
  pending: Pending
  value: unknown
}

/**
 * The delivery thread's writer on SQLite: group commit with the statements and the disk working side by side.
 * Each job runs as soon as it arrives, inside the open transaction and a savepoint of its own (a failing job is undone
 * alone, ~3 us). The transaction commits when the disk is free: at once if no sync is under way, else when it ends.
 * Commits do not wait for the disk (`synchronous = NORMAL`); `sync` does, off this thread, and only then are the jobs
 * of that commit answered. So one batch's sync, the next batch's statements and the requests of the thread that
 * parses them overlap, where the plain writer (writer.ts) gathers for 1 ms, then runs, then waits for the disk, in
 * turn (beside it under the bench load, where the machine's CPU is the limit: the same throughput and latency).
 * better-sqlite3 runs statements synchronously, so jobs run one after the other on this thread.
 */
export function createGroupCommitWriter (database: SqliteDatabase.Database, connection: SqliteConnection, options: GroupCommitOptions): Writer {
  const maxBatch = options.maxBatch ?? 256
  const db: Db = { kysely: connection.kysely, features: sqliteFeatures, run: connection.run }
  const statement = (source: string): SqliteDatabase.Statement => database.prepare(source)
  const begin = statement('begin immediate')
  const commit = statement('commit')
  const rollback = statement('rollback')
  const savepoint = statement('savepoint job')
  const release = statement('release job')
  const undo = statement('rollback to job')

  let queue: Pending[] = []
  let ran: Ran[] = []
  let committed: Ran[] = []
  let running = false
  let syncing = false
  let inSync = 0
  let closed = false
  const idle: Array<() => void> = []

  function write<T> (job: WriteJob<T>): Promise<T> {
    if (closed) return Promise.reject(new Error('the writer is closed'))
    return new Promise<T>((resolve, reject) => {
      queue.push({ job, resolve: resolve as (value: unknown) => void, reject })
      if (!running) drain().catch(failEverything)
    })
  }

  async function drain (): Promise<void> {
    running = true
    for (let pending = queue.shift(); pending !== undefined; pending = queue.shift()) {
      if (!database.inTransaction && isSomeoneWaiting()) {
        queue.unshift(pending)
        running = false
        setTimeout(resume, YIELD_MS)
        return
      }
      await runJob(pending)
    }
    running = false
    if (!syncing || isSomeoneWaiting()) commitRan()
    settleIdle()
  }

  function resume (): void {
    if (!running && queue.length > 0) drain().catch(failEverything)
  }

  function isSomeoneWaiting (): boolean {
    return options.isSomeoneWaiting?.() === true
  }

  async function runJob (pending: Pending): Promise<void> {
    try {
      if (!database.inTransaction) begin.run()
      savepoint.run()
    } catch (error) {
      // No write lock within busy_timeout (another connection holds it), or the disk failed: this job fails alone.
      pending.reject(error)
      return
    }
    try {
      const value = await pending.job(db)
      release.run()
      ran.push({ pending, value })
    } catch (error) {
      undoJob(error)
      pending.reject(error)
    }
    if (ran.length >= maxBatch || isSomeoneWaiting()) commitRan()
  }

  function undoJob (error: unknown): void {
    if (database.inTransaction) {
      undo.run()
      release.run()
      return
    }
    // Some errors (a full disk, an I/O error) end the whole transaction: the jobs it held are lost with it.
    const lost = ran
    ran = []
    for (const { pending } of lost) pending.reject(error)
  }

  function commitRan (): void {
    if (!database.inTransaction) return
    const batch = ran
    ran = []
    try {
      commit.run()
    } catch (error) {
      if (database.inTransaction) rollback.run()
      for (const { pending } of batch) pending.reject(error)
      return
    }
    if (batch.length === 0) return
    options.onBatch?.(batch.length)
    committed.push(...batch)
    if (!syncing) startSync()
  }

  function startSync (): void {
    syncing = true
    const batch = committed
    committed = []
    inSync = batch.length
    options.sync().then(
      () => { for (const { pending, value } of batch) pending.resolve(value) },
      (error: unknown) => { for (const { pending } of batch) pending.reject(error) }
    ).finally(() => {
      syncing = false
      inSync = 0
      // What ran during the sync commits now, and is synced next.
      if (!running) commitRan()
      if (committed.length > 0 && !syncing) startSync()
      settleIdle()
    })
  }

  // Only a bug in the writer itself gets here (jobs' errors are their own): nothing waits forever on a stuck writer.
  function failEverything (error: unknown): void {
    running = false
    if (database.inTransaction) rollback.run()
    const stuck = [...queue, ...ran.map((r) => r.pending)]
    queue = []
    ran = []
    for (const pending of stuck) pending.reject(error)
    settleIdle()
  }

  function isIdle (): boolean {
    return !running && !syncing && queue.length === 0
  }

  function settleIdle (): void {
    if (isIdle()) for (const done of idle.splice(0)) done()
  }

  return {
    write,
    depth: () => queue.length + ran.length + committed.length + inSync,
    close: async () => {
      closed = true
      if (isIdle()) return
      await new Promise<void>((resolve) => idle.push(resolve))
    }
  }
}
