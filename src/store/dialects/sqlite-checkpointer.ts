import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

// Plain CommonJS for an eval worker: it needs no build step and no TypeScript loader, in src/ and dist/ alike.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.filename)
db.pragma('busy_timeout = 1000')
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (error) {
    parentPort.postMessage({ error: String(error) })
  }
}, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

export interface Checkpointer {
  stop: () => Promise<void>
}

/**
 * Copies the write-ahead log into the database file from a worker thread. SQLite otherwise checkpoints inside a commit
 * every 1,000 pages, on the thread that answers deliveries, with fsyncs of the whole database file: the slowest
 * commits of a burst. A passive checkpoint never blocks the writer or readers.
 */
export function startCheckpointer (filename: string, options: { intervalMs?: number, onError?: (message: string) => void } = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { filename, driver, intervalMs: options.intervalMs ?? 500 } })
  worker.unref()
  worker.on('message', (message: { error?: string }) => { if (message.error !== undefined) options.onError?.(message.error) })
  worker.on('error', (error) => options.onError?.(error.message))
  return {
    stop: async () => {
      const exited = new Promise((resolve) => worker.once('exit', resolve))
      // Unreferenced, the thread would let the process end before its exit is seen, in the middle of a caller's await.
      worker.ref()
      worker.postMessage('stop')
      await exited
    }
  }
}
