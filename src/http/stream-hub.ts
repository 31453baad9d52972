import type { ServerResponse } from 'node:http'
import type { ChangeFeed } from '../store/change-feed.ts'
import type { Db } from '../store/database.ts'
import { lastDeliveryId, listDeliveryIdsAfter } from '../store/delivery-log-query-repository.ts'
import { SseClient } from './sse-client.ts'
import { formatEvent, renderDeliveries, renderOrderChanges } from './stream-events.ts'

export interface StreamHubOptions {
  db: Db
  feed: ChangeFeed
  /** A comment line this often keeps proxies and the server's idle timeout from closing a quiet stream. */
  heartbeatMs?: number
  /** Unsent bytes a client may hold before it is dropped. */
  maxBufferedBytes?: number
  /** Deliveries a catching-up client may hold before it is dropped. */
  maxHeld?: number
  maxClients?: number
  onError?: (error: unknown, context: string) => void
}

export interface StreamHub {
  /** Starts a stream on the response; `lastEventId` resumes after that delivery. False when the hub is full or closed. */
  connect: (res: ServerResponse, lastEventId: number | undefined) => boolean
  clients: () => number
  close: () => void
}

const CATCH_UP_PAGE = 500
// Ids waiting to be read while the database is slow; beyond this every client is dropped and resumes later.
const MAX_PENDING = 100_000

/**
 * Fans the change feed out to every stream. Each delivery is read from the database once, whatever the number of
 * clients, and written to each without waiting: a slow client costs intake nothing.
 */
export function createStreamHub (options: StreamHubOptions): StreamHub {
  const { db, feed } = options
  const maxBufferedBytes = options.maxBufferedBytes ?? 1024 * 1024
  const maxHeld = options.maxHeld ?? 10_000
  const maxClients = options.maxClients ?? 1000
  const report = options.onError ?? (() => undefined)
  const clients = new Set<SseClient>()
  let pending: number[] = []
  let flushing = false
  let closed = false

  const unsubscribe = feed.subscribe((logId) => {
    if (clients.size === 0) return
    pending.push(logId)
    if (pending.length > MAX_PENDING) {
      report(new Error(`${pending.length} deliveries waiting to be streamed`), 'stream backlog')
      pending = []
      for (const client of clients) client.drop()
      return
    }
    if (!flushing) flush().catch((error: unknown) => report(error, 'stream flush'))
  })

  // Orders an email changed: sent to live clients only (a catching-up client reads deliveries, and these are none).
  let orderIds: number[] = []
  let sendingOrders = false
  const unsubscribeOrders = feed.subscribeOrders((orderId) => {
    if (clients.size === 0) return
    orderIds.push(orderId)
    if (!sendingOrders) sendOrderChanges().catch((error: unknown) => report(error, 'stream order changes'))
  })

  async function sendOrderChanges (): Promise<void> {
    sendingOrders = true
    try {
      while (orderIds.length > 0 && clients.size > 0) {
        const ids = orderIds
        orderIds = []
        const events = await renderOrderChanges(db, ids)
        for (const client of clients) {
          if (client.live) for (const text of events) client.send(text)
          if (client.isClosed) clients.delete(client)
        }
      }
    } finally {
      sendingOrders = false
    }
  }

  const heartbeat = setInterval(() => {
    for (const client of clients) client.send(': heartbeat\n\n')
  }, options.heartbeatMs ?? 15_000)
  heartbeat.unref()

  async function flush (): Promise<void> {
    flushing = true
    try {
      while (pending.length > 0 && clients.size > 0) {
        const ids = pending.sort((a, b) => a - b)
        pending = []
        let rendered
        try {
          rendered = await renderDeliveries(db, ids)
        } catch (error) {
          // The events are lost to live clients: dropping them makes them resume from the database once it answers.
          report(error, 'stream read')
          for (const client of clients) if (client.live) client.drop()
          continue
        }
        for (const client of clients) {
          for (const item of rendered) {
            if (client.live) client.send(item.text, item.id)
            else if (client.held.push(item) > maxHeld) client.drop()
          }
          if (client.isClosed) clients.delete(client)
        }
      }
    } finally {
      flushing = false
    }
  }

  async function start (client: SseClient, lastEventId: number | undefined): Promise<void> {
    try {
      if (lastEventId === undefined) {
        client.lastSentId = await lastDeliveryId(db)
      } else {
        for (;;) {
          const ids = await listDeliveryIdsAfter(db, client.lastSentId, CATCH_UP_PAGE)
          if (ids.length === 0 || client.isClosed) break
          for (const item of await renderDeliveries(db, ids)) client.send(item.text, item.id)
          await client.drained()
        }
      }
      for (const item of client.held.splice(0)) if (item.id > client.lastSentId) client.send(item.text, item.id)
      client.live = true
      client.send(formatEvent('ready', { last_event_id: client.lastSentId }, client.lastSentId > 0 ? client.lastSentId : undefined))
    } catch (error) {
      report(error, 'stream catch-up')
      client.drop()
    }
  }

  return {
    connect: (res, lastEventId) => {
      if (closed || clients.size >= maxClients) return false
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx buffers proxied responses unless told not to; an event stream must pass through at once.
        'x-accel-buffering': 'no'
      })
      res.write('retry: 3000\n\n')
      const client = new SseClient(res, lastEventId ?? 0, maxBufferedBytes)
      clients.add(client)
      res.on('close', () => { clients.delete(client) })
      start(client, lastEventId).catch((error: unknown) => report(error, 'stream start'))
      return true
    },
    clients: () => clients.size,
    close: () => {
      closed = true
      unsubscribe()
      unsubscribeOrders()
      clearInterval(heartbeat)
      for (const client of clients) client.end()
      clients.clear()
    }
  }
}
