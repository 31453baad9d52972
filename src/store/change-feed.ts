/**
 * Tells listeners which delivery records were just committed. Only log ids travel: listeners read the rest from the
 * database, so a feed that crosses processes (PostgreSQL LISTEN/NOTIFY) can implement the same interface.
 */
export interface ChangeFeed {
  publish: (logId: number) => void
  /** Returns the function that unsubscribes. */
  subscribe: (listener: (logId: number) => void) => () => void
  /**
   * An order changed without a delivery (a retailer's email): its id, after the commit. Not replayed to a client
   * that resumes; the delivery ids above are.
   */
  publishOrder: (orderId: number) => void
  subscribeOrders: (listener: (orderId: number) => void) => () => void
  close: () => void
}

/**
 * The feed of one process. `publish` is called on the intake path, so it never throws: a listener that fails is
 * reported to `onError` and the others still hear about the change.
 */
export function createLocalChangeFeed (options: { onError?: (error: unknown) => void } = {}): ChangeFeed {
  const deliveries = new Set<(logId: number) => void>()
  const orders = new Set<(orderId: number) => void>()
  let closed = false
  const tell = (listeners: Set<(id: number) => void>, id: number): void => {
    if (closed) return
    for (const listener of [...listeners]) {
      try {
        listener(id)
      } catch (error) {
        options.onError?.(error)
      }
    }
  }
  const join = (listeners: Set<(id: number) => void>, listener: (id: number) => void): () => void => {
    if (closed) return () => undefined
    listeners.add(listener)
    return () => { listeners.delete(listener) }
  }
  return {
    publish: (logId) => { tell(deliveries, logId) },
    subscribe: (listener) => join(deliveries, listener),
    publishOrder: (orderId) => { tell(orders, orderId) },
    subscribeOrders: (listener) => join(orders, listener),
    close: () => {
      closed = true
      deliveries.clear()
      orders.clear()
    }
  }
}
