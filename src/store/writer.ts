import { type ControlledTransaction, type Kysely, sql } from 'kysely'
import type { Database, Db, DialectFeatures } from './database.ts'

export type WriteJob<T> = (db: Db) => Promise<T>

export interface WriterOptions {
  /** Most jobs in one transaction. */
  maxBatch?: number
  onBatch?: (size: number) => void
}

export interface Writer {
  /** Runs the job in a transaction shared with the jobs queued beside it; resolves only after the commit. */
  write: <T>(job: WriteJob<T>) => Promise<T>
  /** Jobs waiting for a transaction. */
  depth: () => number
  /** Waits for queued jobs to commit; later `write` calls are refused. */
  close: () => Promise<void>
}

interface Pending {
  job: WriteJob<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

/**
 * The one writer (group commit). Deliveries that arrive while a transaction is being committed wait and then share
 * the next one, so the cost of a durable commit (an fsync) is paid once per batch, not once per delivery. Each job runs
 * inside its own savepoint: a job that fails is rolled back alone and its caller gets the error; the others commit.
 * If the commit itself fails, every job of the batch is retried on its own, so one bad batch never fails them all.
 */
export function createWriter (kysely: Kysely<Database>, features: DialectFeatures, options: WriterOptions = {}): Writer {
  const maxBatch = options.maxBatch ?? 256
  let queue: Pending[] = []
  let running: Promise<void> | null = null
  let closed = false

  function write<T> (job: WriteJob<T>): Promise<T> {
    if (closed) return Promise.reject(new Error('the writer is closed'))
    return new Promise<T>((resolve, reject) => {
      queue.push({ job, resolve: resolve as (value: unknown) => void, reject })
      if (running === null) running = drain()
    })
  }

  async function drain (): Promise<void> {
    // Let the requests that arrived in the same turn of the event loop join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve))
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch)
      queue = queue.slice(batch.length)
      options.onBatch?.(batch.length)
      await runBatch(batch)
    }
    running = null
  }

  async function runBatch (batch: Pending[]): Promise<void> {
    let trx: ControlledTransaction<Database> | undefined
    const outcomes: Array<{ ok: true, value: unknown } | { ok: false, error: unknown }> = []
    try {
      trx = await kysely.startTransaction().execute()
      const db: Db = { kysely: trx, features }
      for (const [i, pending] of batch.entries()) {
        const name = sql.raw(`job${i}`)
        await sql`savepoint ${name}`.execute(trx)
        try {
          outcomes.push({ ok: true, value: await pending.job(db) })
          await sql`release savepoint ${name}`.execute(trx)
        } catch (error) {
          await sql`rollback to savepoint ${name}`.execute(trx)
          outcomes.push({ ok: false, error })
        }
      }
      await trx.commit().execute()
    } catch (batchError) {
      // The batch error is what callers get; a rollback on a connection that already failed adds nothing to it.
      if (trx !== undefined) await trx.rollback().execute().catch(() => undefined)
      if (batch.length === 1) {
        batch[0]?.reject(batchError)
        return
      }
      for (const pending of batch) await runBatch([pending])
      return
    }
    for (const [i, pending] of batch.entries()) {
      const outcome = outcomes[i]
      if (outcome?.ok === true) pending.resolve(outcome.value)
      else pending.reject(outcome?.error)
    }
  }

  return {
    write,
    depth: () => queue.length,
    close: async () => {
      closed = true
      while (running !== null) await running
    }
  }
}
