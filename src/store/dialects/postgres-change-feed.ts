import { createHash } from 'node:crypto'
import pg from 'pg'
import { type ChangeFeed, createLocalChangeFeed } from '../change-feed.ts'

export interface PostgresChangeFeedOptions {
  onError?: (error: unknown) => void
  /** Told each time LISTEN is in place (at start and after every reconnect). */
  onListening?: () => void
  /** The first wait before reconnecting; it doubles up to 5 s. */
  reconnectMs?: number
}

const MAX_RECONNECT_MS = 5000
const ORDER_PREFIX = 'order:'
/** Most deliveries replayed after a reconnect: more than that is a dashboard that should reload anyway. */
const CATCH_UP_LIMIT = 1000
/** Own ids remembered to skip their echo; a bound in case a notification never comes back (LISTEN was down). */
const OWN_IDS_LIMIT = 10_000

/**
 * The change feed across instances: `publish` tells this process's listeners at once and sends NOTIFY (after the
 * delivery committed, so others never hear of data they cannot read yet); a dedicated connection LISTENs and passes on
 * what other instances published. After a lost connection it reconnects and replays deliveries with an order that
 * committed meanwhile, so a stream misses nothing that the drop hid. LISTEN starts with the first subscriber.
 */
export function createPostgresChangeFeed (connectionString: string, pool: pg.Pool, options: PostgresChangeFeedOptions = {}): ChangeFeed {
  // The schema as the database resolves it (search_path folded to lower case unless quoted), not as the URL spells it:
  // two instances spelling one schema differently must share a channel, and a quoted name must not fall back to public.
  let channel: string | undefined
  const channelOn = async (conn: pg.Pool | pg.Client): Promise<string> => {
    if (channel !== undefined) return channel
    const { rows } = await conn.query<{ schema: string | null }>('select current_schema() as schema')
    channel = channelFor(rows[0]?.schema ?? null)
    return channel
  }
  const local = createLocalChangeFeed(options.onError === undefined ? {} : { onError: options.onError })
  const own = new Set<number>()
  const ownOrders = new Set<number>()
  let pending: number[] = []
  let pendingOrders: number[] = []
  let lastId = 0
  let client: pg.Client | null = null
  let closed = false
  let started = false
  let delay = options.reconnectMs ?? 250
  let timer: NodeJS.Timeout | undefined

  const seen = (id: number): void => { if (id > lastId) lastId = id }

  function flush (): void {
    if (pending.length === 0 && pendingOrders.length === 0) return
    // A delivery is its id; an order changed without one is `order:<id>` (an instance that predates it skips the text).
    const payloads = [...pending.map(String), ...pendingOrders.map((id) => `${ORDER_PREFIX}${id}`)]
    pending = []
    pendingOrders = []
    channelOn(pool)
      .then(async (name) => await pool.query('select pg_notify($1, payload) from unnest($2::text[]) as payload', [name, payloads]))
      .catch((error: unknown) => options.onError?.(error))
  }
  const scheduleFlush = (): void => { if (pending.length === 0 && pendingOrders.length === 0) setImmediate(flush) }

  async function listen (): Promise<void> {
    const next = new pg.Client({ connectionString, keepAlive: true, application_name: 'roms-change-feed' })
    next.on('error', (error) => {
      options.onError?.(error)
      drop(next)
    })
    next.on('end', () => drop(next))
    next.on('notification', (message) => {
      if (message.payload?.startsWith(ORDER_PREFIX) === true) {
        const orderId = Number(message.payload.slice(ORDER_PREFIX.length))
        if (Number.isSafeInteger(orderId) && !ownOrders.delete(orderId)) local.publishOrder(orderId)
        return
      }
      const id = Number(message.payload)
      if (!Number.isSafeInteger(id)) return
      seen(id)
      if (!own.delete(id)) local.publish(id)
    })
    try {
      await next.connect()
      await next.query(`listen ${pg.escapeIdentifier(await channelOn(next))}`)
      if (lastId > 0) await catchUp(next)
    } catch (error) {
      next.removeAllListeners('end')
      next.end().catch(() => undefined)
      throw error
    }
    if (closed) {
      await next.end()
      return
    }
    client = next
    delay = options.reconnectMs ?? 250
    options.onListening?.()
  }

  async function catchUp (conn: pg.Client): Promise<void> {
    const { rows } = await conn.query<{ id: number }>(
      'select id from webhook_logs where id > $1 and order_id is not null order by id limit $2', [lastId, CATCH_UP_LIMIT])
    for (const { id } of rows) {
      seen(id)
      if (!own.delete(id)) local.publish(id)
    }
  }

  function drop (dead: pg.Client): void {
    if (client === dead) client = null
    dead.removeAllListeners('notification')
    dead.end().catch(() => undefined)
    if (closed || timer !== undefined) return
    timer = setTimeout(connectLoop, delay)
    delay = Math.min(delay * 2, MAX_RECONNECT_MS)
  }

  function connectLoop (): void {
    timer = undefined
    if (closed) return
    listen().catch((error: unknown) => {
      options.onError?.(error)
      if (closed || timer !== undefined) return
      timer = setTimeout(connectLoop, delay)
      delay = Math.min(delay * 2, MAX_RECONNECT_MS)
    })
  }

  // LISTEN starts with the first listener: a CLI command that only writes holds no extra connection.
  function startListening (): void {
    if (started || closed) return
    started = true
    connectLoop()
  }

  return {
    publish: (logId) => {
      if (closed) return
      seen(logId)
      if (own.size >= OWN_IDS_LIMIT) own.clear()
      own.add(logId)
      local.publish(logId)
      scheduleFlush()
      pending.push(logId)
    },
    publishOrder: (orderId) => {
      if (closed) return
      if (ownOrders.size >= OWN_IDS_LIMIT) ownOrders.clear()
      ownOrders.add(orderId)
      local.publishOrder(orderId)
      scheduleFlush()
      pendingOrders.push(orderId)
    },
    subscribeOrders: (listener) => {
      startListening()
      return local.subscribeOrders(listener)
    },
    subscribe: (listener) => {
      startListening()
      return local.subscribe(listener)
    },
    close: () => {
      closed = true
      // Deliveries committed just before shutdown still reach the other instances: the pool is closed after the feed.
      flush()
      clearTimeout(timer)
      client?.end().catch(() => undefined)
      client = null
      local.close()
    }
  }
}

/**
 * One channel per schema (`current_schema()`): NOTIFY reaches the whole database, and instances on another schema are
 * another ROMS. A channel is at most 63 bytes, so a long schema name is replaced by a digest of it.
 */
export function channelFor (schema: string | null): string {
  if (schema === null || schema === 'public') return 'roms_deliveries'
  const name = `roms_deliveries_${schema}`
  return Buffer.byteLength(name) <= MAX_CHANNEL_BYTES ? name : `roms_deliveries_${createHash('sha256').update(schema).digest('hex').slice(0, 32)}`
}

const MAX_CHANNEL_BYTES = 63
