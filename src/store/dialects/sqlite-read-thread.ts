import { Worker } from 'node:worker_threads'
import {
  type CompiledQuery, type DatabaseConnection, type Driver, Kysely, type QueryResult, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler
} from 'kysely'
import { fromPlainError, type PlainError } from '../../thread-errors.ts'
import type { Database } from '../database.ts'

export interface ReadRequest { id: number, sql: string, parameters: readonly unknown[] }
export type ReadReply = { id: number, rows: unknown[], changes: number, error?: undefined } | { id: number, error: PlainError }

export interface SqliteReadThread {
  kysely: Kysely<Database>
  close: () => Promise<void>
}

// Built, the worker is JavaScript. Under tsx or vitest it is TypeScript, which a worker thread of Node 20 loads only
// once tsx's hooks are registered in it (as intake/delivery-writer-thread.ts starts its worker).
const FROM_SOURCE = import.meta.url.endsWith('.ts')
const WORKER_URL = new URL(FROM_SOURCE ? './sqlite-read-worker.ts' : './sqlite-read-worker.js', import.meta.url)

function newWorker (filename: string): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData: { filename } })
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}) })`
  return new Worker(bootstrap, { eval: true, workerData: { filename } })
}

/**
 * Kysely over a connection of its own on a worker thread. better-sqlite3 runs a query on the thread that asks, so on
 * the request thread a search that reads a million orders stopped every delivery's answer for seconds. Queries from
 * many requests are in flight at once and run one after another on the thread; no transactions (reads need none).
 */
export function startSqliteReadThread (filename: string): SqliteReadThread {
  let worker: Worker | undefined
  let nextId = 1
  const waiting = new Map<number, { resolve: (reply: ReadReply) => void, reject: (error: Error) => void }>()

  const failAll = (error: Error): void => {
    worker = undefined
    for (const pending of waiting.values()) pending.reject(error)
    waiting.clear()
  }
  const start = (): Worker => {
    const started = newWorker(filename)
    started.on('message', (reply: ReadReply) => {
      const pending = waiting.get(reply.id)
      waiting.delete(reply.id)
      pending?.resolve(reply)
    })
    // A thread that failed is replaced by the next query; the queries it held fail with its error.
    started.on('error', (error) => { if (worker === started) failAll(error) })
    started.on('exit', (code) => { if (worker === started) failAll(new Error(`the read thread stopped (exit code ${code})`)) })
    return started
  }
  const ask = async (query: CompiledQuery): Promise<QueryResult<unknown>> => {
    worker ??= start()
    const id = nextId++
    const reply = await new Promise<ReadReply>((resolve, reject) => {
      waiting.set(id, { resolve, reject })
      worker?.postMessage({ id, sql: query.sql, parameters: query.parameters } satisfies ReadRequest)
    })
    if (reply.error !== undefined) throw fromPlainError(reply.error)
    return { rows: reply.rows, numAffectedRows: BigInt(reply.changes) }
  }
  const connection: DatabaseConnection = {
    executeQuery: async <R>(query: CompiledQuery) => await ask(query) as QueryResult<R>,
    streamQuery: async function * () { throw new Error('the read thread does not stream: read in pages') }
  }
  const noTransactions = async (): Promise<never> => { throw new Error('the read thread runs no transactions: write through the store\'s writer') }
  const close = async (): Promise<void> => {
    const stopping = worker
    worker = undefined
    failAll(new Error('the read thread is closed'))
    await stopping?.terminate()
  }
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: noTransactions,
    commitTransaction: noTransactions,
    rollbackTransaction: noTransactions,
    releaseConnection: async () => {},
    destroy: close
  }
  const kysely = new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => driver,
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler()
    }
  })
  return { kysely, close }
}
