import { parentPort, workerData } from 'node:worker_threads'
import type { Db } from '../store/database.ts'
import { insertDeliveryLog } from '../store/delivery-log-repository.ts'
import { openSqliteWriter, sqliteConnection } from '../store/dialects/sqlite.ts'
import { createGroupCommitWriter } from '../store/dialects/sqlite-group-commit.ts'
import { foldOrderChanges } from '../store/dialects/sqlite-order-fold.ts'
import { walSync } from '../store/dialects/sqlite-wal-sync.ts'
import { isSomeoneWaiting, type WriteTurn } from '../store/dialects/sqlite-write-turn.ts'
import type { ThreadReply, ThreadRequest } from './delivery-writer-thread.ts'
import { storeDelivery } from './store-delivery.ts'
import { toPlainError } from '../thread-errors.ts'

// The delivery writer thread (started by delivery-writer-thread.ts): its own connection and group-commit writer, so
// the statements and the commit's fsync of a batch run beside the thread that parses the next requests.
const port = parentPort
if (port === null) throw new Error('delivery-writer-worker.ts runs as a worker thread')
// The server's store runs the checkpointer thread for this file.
const { filename, turn } = workerData as { filename: string, turn?: WriteTurn }
const database = openSqliteWriter(filename, { checkpointed: true })
// Commits leave the fsync to walSync, which the writer waits for before it answers (sqlite-group-commit.ts).
database.pragma('synchronous = NORMAL')
const connection = sqliteConnection(database, 'write')
const wal = walSync(filename)
const writer = createGroupCommitWriter(database, connection, {
  sync: wal.sync,
  onBatch: (size) => { pending.push({ batch: size }) },
  isSomeoneWaiting: () => turn !== undefined && isSomeoneWaiting(turn)
})

// Answers gathered during one turn of the event loop travel together: one message per batch, not one per delivery.
let pending: ThreadReply[] = []
let flushing = false
function send (reply: ThreadReply): void {
  pending.push(reply)
  if (flushing) return
  flushing = true
  setImmediate(flush)
}

function flush (): void {
  flushing = false
  if (pending.length === 0) return
  const replies = pending
  pending = []
  port?.postMessage(replies)
}

function run (request: ThreadRequest): Promise<unknown> {
  switch (request.kind) {
    case 'store':
      return writer.write(async (db: Db) => await storeDelivery(db, { ...request.job, log: { ...request.job.log, rawBody: asBuffer(request.job.log.rawBody) } }))
    case 'record':
      return writer.write(async (db: Db) => await insertDeliveryLog(db, { ...request.log, rawBody: asBuffer(request.log.rawBody) }))
    case 'fold':
      return writer.write(async (db: Db) => await foldOrderChanges(db))
  }
}

function handle (request: ThreadRequest): void {
  run(request).then(
    (value) => { send({ id: request.id, value }) },
    (error: unknown) => { send({ id: request.id, error: toPlainError(error) }) }
  )
}

// A Buffer arrives as a plain Uint8Array.
function asBuffer (bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

port.on('message', (message: ThreadRequest[] | 'close') => {
  if (message !== 'close') {
    for (const request of message) handle(request)
    return
  }
  // The answers of the last batch go out before the port closes.
  writer.close()
    .then(async () => {
      wal.close()
      await connection.kysely.destroy()
    })
    .finally(() => {
      flush()
      port.close()
    })
})
