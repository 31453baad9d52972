import { createConnection, createServer, type Socket } from 'node:net'

export interface TcpProxy {
  port: number
  /** Destroys every open connection (RST) and refuses new ones, as a database host that went away. */
  cut: () => void
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
  let isCut = false
  let count = 0
  const server = createServer((client) => {
    if (isCut) {
      client.resetAndDestroy()
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
      isCut = true
      for (const socket of open) socket.resetAndDestroy()
      open.clear()
    },
    restore: () => { isCut = false },
    connections: () => count,
    close: async () => {
      for (const socket of open) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
