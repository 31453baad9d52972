import { Worker } from 'node:worker_threads'
import type { NewDeliveryLog } from '../store/delivery-log-repository.ts'
import type { DeliveryResult } from './receive-delivery.ts'
import type { DeliveryJob, DeliveryStorage } from './store-delivery.ts'
import { fromPlainError, type PlainError } from '../thread-errors.ts'
import type { WriteTurn } from '../store/dialects/sqlite-write-turn.ts'

export type ThreadRequest =
  | { id: number, kind: 'store', job: DeliveryJob }
  | { id: number, kind: 'record', log: NewDeliveryLog }
  | { id: number, kind: 'fold' }

export type ThreadReply =
  | { id: number, value: unknown, error?: undefined }
  | { id: number, error: PlainError }
  | { batch: number }

export interface DeliveryWriterThread extends DeliveryStorage {
  /**
   * One batch of the search index and daily stats fold (sqlite-order-fold.ts), in the thread's transactions: that
   * thread holds SQLite's write lock nearly all the time under load, so the fold waits for no lock there.
   */
  fold: () => Promise<boolean>
  /** Waits for every delivery handed over to commit, then stops the thread. */
  close: () => Promise<void>
}

export interface DeliveryWriterOptions {
  onBatch?: (size: number) => void
  /** The thread failed; deliveries in flight were answered 503 and the next one starts a new thread. */
  onError?: (error: Error) => void
  /** Shared with the store of this process, whose writer then takes the write lock before the thread's next batch. */
  turn?: WriteTurn | undefined
}

interface Waiting {
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

// Built, the worker is JavaScript. Under tsx or vitest it is TypeScript, which a worker thread of Node 20 loads only
// once tsx's hooks are registered in it (an `--import tsx` in its execArgv does not reach it).
const FROM_SOURCE = import.meta.url.endsWith('.ts')
const WORKER_URL = new URL(FROM_SOURCE ? './delivery-writer-worker.ts' : './delivery-writer-worker.js', import.meta.url)

function newWorker (workerData: { filename: string, turn?: WriteTurn | undefined }): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData })
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}) })`
  return new Worker(bootstrap, { eval: true, workerData })
}

/**
 * The bytes in a buffer of their own. A small body is a view into Node's shared 8 KiB pool (or the socket's read
 * buffer), and a message to a thread copies a view's whole underlying memory, not the view: 8 KiB or more per delivery.
 */
function ownBytes (bytes: Buffer): Buffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes
  const own = Buffer.from(new ArrayBuffer(bytes.byteLength))
  bytes.copy(own)
  return own
}

/**
 * Stores deliveries from a worker thread with a connection of its own (SQLite). better-sqlite3 is synchronous: on the
 * thread that parses requests, a batch's statements and its commit stop every other request for their duration. Here
 * they run beside it. Jobs are plain data (DeliveryJob); the worker runs the same storeDelivery in the same
 * group-commit writer, and a delivery is answered only after its batch committed there.
 */
export function startDeliveryWriterThread (filename: string, options: DeliveryWriterOptions = {}): DeliveryWriterThread {
  let worker: Worker | undefined
  let nextId = 1
  const waiting = new Map<number, Waiting>()
  let outgoing: ThreadRequest[] = []
  let flushing = false
  let closed = false

  const start = (): Worker => {
    const started = newWorker({ filename, turn: options.turn })
    started.on('message', (replies: ThreadReply[]) => { for (const reply of replies) settle(reply) })
    started.on('error', (error) => { options.onError?.(error) })
    started.on('exit', () => {
      if (worker === started) worker = undefined
      // Whatever it had not answered is lost with it: the senders get a 503 and retry.
      failAll(new Error('the writer is closed: the delivery writer thread stopped'))
    })
    return started
  }

  const settle = (reply: ThreadReply): void => {
    if ('batch' in reply) {
      options.onBatch?.(reply.batch)
      return
    }
    const entry = waiting.get(reply.id)
    if (entry === undefined) return
    waiting.delete(reply.id)
    if (reply.error === undefined) entry.resolve(reply.value)
    else entry.reject(fromPlainError(reply.error))
  }

  const failAll = (error: Error): void => {
    for (const entry of waiting.values()) entry.reject(error)
    waiting.clear()
  }

  // Requests made during one turn of the event loop travel together, as one message.
  const flush = (): void => {
    flushing = false
    if (outgoing.length === 0) return
    const requests = outgoing
    outgoing = []
    worker ??= start()
    worker.postMessage(requests)
  }

  const submit = async <T>(request: ThreadRequest): Promise<T> => {
    if (closed) throw new Error('the writer is closed')
    return await new Promise<T>((resolve, reject) => {
      waiting.set(request.id, { resolve: resolve as (value: unknown) => void, reject })
      outgoing.push(request)
      if (flushing) return
      flushing = true
      setImmediate(flush)
    })
  }

  return {
    store: async (job) => await submit<DeliveryResult>({ id: nextId++, kind: 'store', job: { ...job, log: { ...job.log, rawBody: ownBytes(job.log.rawBody) } } }),
    record: async (log) => await submit<number>({ id: nextId++, kind: 'record', log: { ...log, rawBody: ownBytes(log.rawBody) } }),
    fold: async () => await submit<boolean>({ id: nextId++, kind: 'fold' }),
    depth: () => waiting.size,
    close: async () => {
      closed = true
      // What was handed over goes first; the worker then commits its writer's queue before it exits.
      flush()
      const current = worker
      if (current === undefined) return
      const exited = new Promise((resolve) => current.once('exit', resolve))
      current.postMessage('close')
      await exited
    }
  }
}
