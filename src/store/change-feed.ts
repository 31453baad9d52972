/**
 * Tells listeners which delivery records were just committed. Only log ids travel: listeners read the rest from the
 * database, so a feed that crosses processes (PostgreSQL LISTEN/NOTIFY) can implement the same interface.
 */
export interface ChangeFeed {
  publish: (logId: number) => void
  /** Returns the function that unsubscribes. */
  subscribe: (listener: (logId: number) => void) => () => void
  close: () => void
}

/**
 * The feed of one process. `publish` is called on the intake path, so it never throws: a listener that fails is
 * reported to `onError` and the others still hear about the change.
 */
export function createLocalChangeFeed (options: { onError?: (error: unknown) => void } = {}): ChangeFeed {
  const listeners = new Set<(logId: number) => void>()
  let closed = false
  return {
    publish: (logId) => {
      if (closed) return
      for (const listener of [...listeners]) {
        try {
          listener(logId)
        } catch (error) {
          options.onError?.(error)
        }
      }
    },
    subscribe: (listener) => {
      if (closed) return () => undefined
      listeners.add(listener)
      return () => { listeners.delete(listener) }
    },
    close: () => {
      closed = true
      listeners.clear()
    }
  }
}
