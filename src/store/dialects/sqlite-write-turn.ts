/**
 * Writers of one SQLite file on different threads (the request thread's store writer, the delivery writer thread)
 * take turns on its write lock. Under load the delivery thread holds it nearly all the time, beginning its next
 * transaction right after each commit; SQLite's busy handler, sleeping between tries, would rarely find it free, and on
 * the request thread that sleep stops every request. So a writer about to wait counts itself here (shared memory,
 * read without a message), and the delivery thread lets it go first: it commits what it holds and begins nothing new
 * until the count is back to zero.
 */
export type WriteTurn = Int32Array

export function createWriteTurn (): WriteTurn {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT))
}

export function isSomeoneWaiting (turn: WriteTurn): boolean {
  return Atomics.load(turn, 0) > 0
}

/** Runs `take` (a synchronous `begin immediate`, which may wait for the lock) counted as a writer waiting for its turn. */
export function waitForTurn<T> (turn: WriteTurn, take: () => T): T {
  Atomics.add(turn, 0, 1)
  try {
    return take()
  } finally {
    Atomics.sub(turn, 0, 1)
  }
}
