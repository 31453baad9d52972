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
  const channel = channelFor(connectionString)
  const local = createLocalChangeFeed(options.onError === undefined ? {} : { onError: options.onError })
  const own = new Set<number>()
  let pending: number[] = []
  let lastId = 0
  let client: pg.Client | null = null
  let closed = false
  let started = false
  let delay = options.reconnectMs ?? 250
  let timer: NodeJS.Timeout | undefined

  const seen = (id: number): void => { if (id > lastId) lastId = id }

  function flush (): void {
    if (pending.length === 0) return
    const ids = pending
    pending = []
    pool.query('select pg_notify($1, id::text) from unnest($2::bigint[]) as id', [channel, ids])
      .catch((error: unknown) => options.onError?.(error))
  }

  async function listen (): Promise<void> {
    const next = new pg.Client({ connectionString, keepAlive: true, application_name: 'roms-change-feed' })
    next.on('error', (error) => {
      options.onError?.(error)
      drop(next)
    })
    next.on('end', () => drop(next))
    next.on('notification', (message) => {
      const id = Number(message.payload)
      if (!Number.isSafeInteger(id)) return
      seen(id)
      if (!own.delete(id)) local.publish(id)
    })
    try {
      await next.connect()
      await next.query(`listen ${pg.escapeIdentifier(channel)}`)
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

  return {
    publish: (logId) => {
      if (closed) return
      seen(logId)
      if (own.size >= OWN_IDS_LIMIT) own.clear()
      own.add(logId)
      local.publish(logId)
      if (pending.length === 0) setImmediate(flush)
      pending.push(logId)
    },
    subscribe: (listener) => {
      // LISTEN starts with the first listener: a CLI command that only writes holds no extra connection.
      if (!started && !closed) {
        started = true
        connectLoop()
      }
      return local.subscribe(listener)
    },
    close: () => {
      closed = true
      // Deliveries committed just before shutdown still reach the other instances: the pool is closed after the feed.
      if (pending.length > 0) flush()
      clearTimeout(timer)
      client?.end().catch(() => undefined)
      client = null
      local.close()
    }
  }
}

/** One channel per schema: NOTIFY reaches the whole database, and instances on another schema are another ROMS. */
export function channelFor (connectionString: string): string {
  const options = new URL(connectionString).searchParams.get('options') ?? ''
  const schema = /search_path=([A-Za-z0-9_]+)/.exec(options)?.[1]
  return schema === undefined || schema === 'public' ? 'roms_deliveries' : `roms_deliveries_${schema}`
}
