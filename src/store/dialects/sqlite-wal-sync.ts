import { closeSync, fdatasync, fstatSync, openSync, statSync } from 'node:fs'

export interface WalSync {
  /** Resolves once everything written to the file's write-ahead log so far is on disk. */
  sync: () => Promise<void>
  close: () => void
}

/**
 * fdatasync of a SQLite file's write-ahead log, on libuv's thread pool. A connection with `synchronous = NORMAL` commits
 * without waiting for the disk; the writer answers a batch only after this resolves, so an acknowledged delivery is as
 * durable as with `synchronous = FULL`, while the thread goes on with the next batch's statements meanwhile. Linux
 * flushes a file's pages whichever descriptor wrote them. SQLite removes the log only when its last connection closes
 * and keeps the same file otherwise (a checkpoint rewrites it from the start): the descriptor is opened again if the
 * file at the path is not the one it holds.
 */
export function walSync (filename: string): WalSync {
  const path = `${filename}-wal`
  let fd: number | undefined
  const current = (): number => {
    if (fd !== undefined && fstatSync(fd).ino === statSync(path).ino) return fd
    if (fd !== undefined) closeSync(fd)
    fd = openSync(path, 'r')
    return fd
  }
  return {
    sync: async () => {
      const descriptor = current()
      await new Promise<void>((resolve, reject) => {
        fdatasync(descriptor, (error) => { if (error === null) resolve(); else reject(error) })
      })
    },
    close: () => {
      if (fd !== undefined) closeSync(fd)
      fd = undefined
    }
  }
}
