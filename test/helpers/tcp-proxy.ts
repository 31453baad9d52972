import { createConnection, createServer, type Socket } from 'node:net'
import { withSearchPath } from '../../src/store/dialects/postgres.ts'

export interface TcpProxy {
  port: number
  /** Destroys every open connection (RST) and refuses new ones, as a database host that went away. */
  cut: () => void
  /** Destroys every open connection and holds new ones open without an answer, as a host behind a dead route. */
  stall: () => void
  /** Lets connections through again. */
  restore: () => void
  /** Connections made through the proxy so far. */
  connections: () => number
  close: () => Promise<void>
}

/**
 * A loopback TCP proxy the test controls, put between a server process and PostgreSQL. It keeps listening while cut
 * (and resets what arrives), so the port never changes and no other process can take it.
 */
export async function startTcpProxy (target: { host: string, port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>()
  let mode: 'open' | 'cut' | 'stall' = 'open'
  const held = new Set<Socket>()
  let count = 0
  const server = createServer((client) => {
    if (mode === 'cut') {
      client.resetAndDestroy()
      return
    }
    if (mode === 'stall') {
      held.add(client)
      client.on('error', () => client.destroy()).on('close', () => held.delete(client))
      return
    }
    count++
    const upstream = createConnection(target)
    open.add(client)
    open.add(upstream)
    const end = (): void => {
      open.delete(client)
      open.delete(upstream)
      client.destroy()
      upstream.destroy()
    }
    client.on('error', end).on('close', end)
    upstream.on('error', end).on('close', end)
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP port')
  return {
    port: address.port,
    cut: () => {
      mode = 'cut'
      resetAll(open)
    },
    stall: () => {
      mode = 'stall'
      resetAll(open)
    },
    restore: () => {
      mode = 'open'
      resetAll(held)
    },
    connections: () => count,
    close: async () => {
      resetAll(open)
      resetAll(held)
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

function resetAll (sockets: Set<Socket>): void {
  for (const socket of sockets) socket.resetAndDestroy()
  sockets.clear()
}

/**
 * A proxy in front of the PostgreSQL server a database URL names, and the same URL through the proxy (in `schema`
 * when given), for a server process whose database the test cuts and restores.
 */
export async function proxyDatabase (databaseUrl: string, schema?: string): Promise<{ proxy: TcpProxy, url: string }> {
  const url = new URL(databaseUrl)
  const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port === '' ? 5432 : url.port) })
  url.hostname = '127.0.0.1'
  url.port = String(proxy.port)
  return { proxy, url: schema === undefined ? url.toString() : withSearchPath(url.toString(), schema) }
}
