import type { ControlledTransaction, Kysely } from 'kysely'
import type { Database, Db, DialectFeatures, RunSql } from './database.ts'
import { isConnectionLost, isWriteConflict } from './database-errors.ts'

export type WriteJob<T> = (db: Db) => Promise<T>

export interface WriterOptions {
  /** Most jobs in one transaction. */
  maxBatch?: number
  /** Batches in flight at once. 1 keeps a delivery's place in line; PostgreSQL can take more over its pool. */
  concurrency?: number
  /** Runs of a job that keeps losing deadlocks or serialization conflicts to other instances before it fails. */
  maxAttempts?: number
  /** After the connection was lost, how long new jobs fail at once instead of each waiting for a connect timeout. */
  failFastMs?: number
  onBatch?: (size: number) => void
  /**
   * While deliveries arrive together (the last batch held more than one), wait this long before starting the next
   * batch so that it gathers more of them (as PostgreSQL's commit_delay). A commit has a fixed cost (one write per
   * changed page and an fsync): on SQLite a batch of 4 cost twice the CPU per delivery of a batch of 64 (measured).
   */
  commitDelayMs?: number
  /** The connection's statements run directly (SQLite), handed to jobs as `db.run`. */
  run?: RunSql | undefined
}

export interface Writer {
  /**
   * Runs the job in a transaction shared with the jobs queued beside it; resolves only after the commit. `lockOrder`
   * names the row the job locks first (an order number): see `inLockOrder`.
   */
  write: <T>(job: WriteJob<T>, lockOrder?: string) => Promise<T>
  /** Jobs waiting for a transaction. */
  depth: () => number
  /** Waits for queued jobs to commit; later `write` calls are refused. */
  close: () => Promise<void>
}

interface Pending {
  job: WriteJob<unknown>
  lockOrder: string | undefined
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
  attempts: number
}

/**
 * The one writer (group commit). Deliveries that arrive while a transaction is being committed wait and then share
 * the next one, so the cost of a durable commit (an fsync) is paid once per batch, not once per delivery. Jobs run
 * optimistically, without savepoints (they cost two statements a job): when any job of a batch fails, or the commit
 * does, the batch is rolled back and every job runs again in a transaction of its own, so a failing job fails alone
 * and the others commit. Jobs only touch the database, so running one again is safe.
 * A job that lost a deadlock to another instance goes to the front of the next batch: retrying it in the same
 * transaction would wait again on the locks this batch still holds.
 */
export function createWriter (kysely: Kysely<Database>, features: DialectFeatures, options: WriterOptions = {}): Writer {
  const maxBatch = options.maxBatch ?? 256
  const concurrency = options.concurrency ?? 1
  const maxAttempts = options.maxAttempts ?? 5
  const failFastMs = options.failFastMs ?? 1000
  let queue: Pending[] = []
  let inFlight = 0
  let scheduled = false
  let closed = false
  let lost: { error: unknown, until: number } | null = null
  let lastBatchSize = 0
  const idle: Array<() => void> = []

  function write<T> (job: WriteJob<T>, lockOrder?: string): Promise<T> {
    if (closed) return Promise.reject(new Error('the writer is closed'))
    if (lost !== null && Date.now() < lost.until) return Promise.reject(lost.error)
    return new Promise<T>((resolve, reject) => {
      queue.push({ job, lockOrder, resolve: resolve as (value: unknown) => void, reject, attempts: 0 })
      schedule()
    })
  }

  function schedule (): void {
    if (scheduled || inFlight >= concurrency) return
    scheduled = true
    const start = (): void => {
      scheduled = false
      pump()
    }
    // Let the requests that arrived in the same turn of the event loop join the batch, or more of them under load.
    if (options.commitDelayMs !== undefined && lastBatchSize > 1 && queue.length < maxBatch) setTimeout(start, options.commitDelayMs)
    else setImmediate(start)
  }

  function pump (): void {
    while (inFlight < concurrency && queue.length > 0) {
      const batch = inLockOrder(queue.slice(0, maxBatch))
      queue = queue.slice(batch.length)
      inFlight++
      lastBatchSize = batch.length
      options.onBatch?.(batch.length)
      runBatch(batch).catch((error: unknown) => { for (const pending of batch) pending.reject(error) }).finally(() => {
        inFlight--
        if (queue.length > 0) schedule()
        else if (inFlight === 0) for (const done of idle.splice(0)) done()
      })
    }
  }

  async function runBatch (batch: Pending[]): Promise<void> {
    let trx: ControlledTransaction<Database> | undefined
    const values: unknown[] = []
    try {
      trx = await kysely.startTransaction().execute()
      const db: Db = { kysely: trx, features, run: options.run }
      for (const pending of batch) values.push(await pending.job(db))
      await trx.commit().execute()
      lost = null
    } catch (batchError) {
      // The batch error is what callers get; a rollback on a connection that already failed adds nothing to it.
      if (trx !== undefined) await trx.rollback().execute().catch(() => undefined)
      await recoverBatch(batch, batchError)
      return
    }
    for (const [i, pending] of batch.entries()) pending.resolve(values[i])
  }

  async function recoverBatch (batch: Pending[], error: unknown): Promise<void> {
    if (isConnectionLost(error)) {
      // Everything queued would wait for the same dead connection: answer now, so senders retry instead of hanging.
      lost = { error, until: Date.now() + failFastMs }
      const waiting = queue
      queue = []
      for (const pending of [...batch, ...waiting]) pending.reject(error)
      return
    }
    if (batch.length === 1) {
      const [pending] = batch
      if (pending === undefined) return
      if (shouldRetry(pending, error)) requeue([pending])
      else pending.reject(error)
      return
    }
    for (const pending of batch) await runBatch([pending])
  }

  function shouldRetry (pending: Pending, error: unknown): boolean {
    if (!isWriteConflict(error) || pending.attempts + 1 >= maxAttempts) return false
    pending.attempts++
    return true
  }

  function requeue (retries: Pending[]): void {
    if (retries.length === 0) return
    queue = [...retries, ...queue]
    schedule()
  }

  return {
    write,
    depth: () => queue.length,
    close: async () => {
      closed = true
      if (inFlight === 0 && queue.length === 0 && !scheduled) return
      await new Promise<void>((resolve) => idle.push(resolve))
    }
  }
}

/**
 * The batch with each run of jobs that name a lock order sorted by it (ties keep their arrival order, so deliveries
 * for one order still apply in turn). Instances on one PostgreSQL database whose batches take the same orders' rows in
 * different orders deadlock, and each deadlock costs the database's deadlock_timeout (1 s) before the batch is run
 * again job by job: Shopify's orders/create, orders/paid and orders/updated arriving together at two instances did.
 * Taken in one order, the rows are waited for instead. A job without a lock order stays where it is and the jobs
 * either side of it are not moved past it: a correction or an email keeps its place after the deliveries before it.
 */
function inLockOrder (batch: Pending[]): Pending[] {
  if (batch.length < 2) return batch
  const sorted: Pending[] = []
  let run: Pending[] = []
  const flush = (): void => {
    run.sort((a, b) => compareKeys(a.lockOrder ?? '', b.lockOrder ?? ''))
    sorted.push(...run)
    run = []
  }
  for (const pending of batch) {
    if (pending.lockOrder !== undefined) {
      run.push(pending)
      continue
    }
    flush()
    sorted.push(pending)
  }
  flush()
  return sorted
}

function compareKeys (a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
