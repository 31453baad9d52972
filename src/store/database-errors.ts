// PostgreSQL SQLSTATE classes 08 (connection), 53 (resources), 57P0x (shutdown), 55P03 (a lock held elsewhere past
// lock_timeout) and node's socket errors; SQLite's busy, locked, full and I/O errors. All of them pass: the sender
// should retry, not be told its delivery was bad.
const TRANSIENT_PG = /^(?:08|53|57P0|55P03)/
const TRANSIENT_NODE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN'])
const TRANSIENT_SQLITE = /^SQLITE_(?:BUSY|LOCKED|FULL|IOERR|CANTOPEN|READONLY)/

/** True when a write failed because the database could not be reached or could not write, not because of the data. */
export function isDatabaseUnavailable (error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && (TRANSIENT_PG.test(code) || TRANSIENT_NODE.has(code) || TRANSIENT_SQLITE.test(code))) return true
    if (/connection terminated|timeout exceeded when trying to connect|Connection terminated unexpectedly|the writer is closed/i.test(e.message)) return true
  }
  return false
}

// Class 08 (connection exception) and 57P01-03 (the server shut down or is starting): the connection is gone, so
// every job queued behind it would fail the same way. 55P03 (lock_timeout) too: the jobs of a batch run again one by
// one would each wait out the same lock, a table's lock (maintenance) holds up every job, and even one locked order
// holds up the writer behind it; answering the queue now lets senders retry instead.
const LOST_PG = /^(?:08|57P0[1-3]|55P03)/
const LOST_MESSAGE = /connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated unexpectedly/i

/** True when the database connection itself is gone (not busy, not full): waiting for it would only make senders wait. */
export function isConnectionLost (error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && (LOST_PG.test(code) || TRANSIENT_NODE.has(code))) return true
    if (LOST_MESSAGE.test(e.message)) return true
  }
  return false
}

/** PostgreSQL deadlock (40P01) or serialization failure (40001): the work was fine, it only lost a race; run it again. */
export function isWriteConflict (error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (code === '40P01' || code === '40001') return true
  }
  return false
}
