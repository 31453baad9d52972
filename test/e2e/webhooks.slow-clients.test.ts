import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.ts'
import type { FastifyInstance } from 'fastify'
import { testConfig } from '../helpers/test-app.ts'
import { openTestStore, type TestStore } from '../helpers/test-database.ts'

const TIMEOUTS = { headersMs: 600, requestMs: 1200, idleMs: 5000, checkIntervalMs: 100 }

interface Trickle {
  /** Resolves when the server closes the connection, with what it answered and when. */
  closed: Promise<{ ms: number, answer: string }>
  stop: () => void
}

/** A client that sends its request one byte every 250 ms (a slowloris). */
function trickle (port: number, request: string): Trickle {
  const socket: Socket = connect(port, '127.0.0.1')
  const started = performance.now()
  let answer = ''
  let sent = 0
  const timer = setInterval(() => {
    if (sent < request.length && socket.writable) socket.write(request[sent++] ?? '')
  }, 250)
  socket.on('data', (chunk: Buffer) => { answer += chunk.toString('latin1') })
  const closed = new Promise<{ ms: number, answer: string }>((resolve) => {
    socket.on('close', () => {
      clearInterval(timer)
      resolve({ ms: performance.now() - started, answer })
    })
    socket.on('error', () => undefined)
  })
  return { closed, stop: () => { clearInterval(timer); socket.destroy() } }
}

describe('slow clients on a real socket', () => {
  let store: TestStore
  let app: FastifyInstance
  let port: number
  const open: Trickle[] = []
  beforeAll(async () => {
    store = await openTestStore('sqlite')
    app = await buildApp({ config: testConfig(), store: store.store, timeouts: TIMEOUTS })
    await app.listen({ port: 0, host: '127.0.0.1' })
    port = (app.server.address() as { port: number }).port
  })
  afterAll(async () => {
    for (const t of open) t.stop()
    await app.close()
    await store.cleanup()
  })

  it('cuts off a client that sends its headers a byte at a time', async () => {
    const client = trickle(port, 'POST /api/v2/webhooks/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Padding: ' + 'a'.repeat(200))
    open.push(client)
    const { ms, answer } = await client.closed
    expect(ms).toBeLessThan(TIMEOUTS.headersMs + 1500)
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true)
  })

  it('cuts off a client that sends its body a byte at a time', async () => {
    const body = JSON.stringify({ order_number: 'SLOW-1', note: 'x'.repeat(200) })
    const headers = `POST /api/v2/webhooks/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`
    const socket = connect(port, '127.0.0.1')
    const started = performance.now()
    socket.write(headers)
    let sent = 0
    const timer = setInterval(() => { if (socket.writable) socket.write(body[sent++] ?? '') }, 250)
    const ms = await new Promise<number>((resolve) => {
      socket.on('close', () => resolve(performance.now() - started))
      socket.on('error', () => undefined)
    })
    clearInterval(timer)
    expect(ms).toBeLessThan(TIMEOUTS.requestMs + 1500)
    const stored = await store.store.db.kysely.selectFrom('orders').select('id').where('order_number', '=', 'SLOW-1').execute()
    expect(stored).toHaveLength(0)
  })

  it('still serves a client that sends at a normal pace while slow ones are cut off', async () => {
    const slow = Array.from({ length: 20 }, () => trickle(port, 'POST /api/v2/webhooks/orders HTTP/1.1\r\nHost: localhost\r\n' + 'X: y\r\n'.repeat(50)))
    open.push(...slow)
    const res = await fetch(`http://127.0.0.1:${port}/api/v2/webhooks/orders`, {
      method: 'POST', body: '{"order_number":"FAST-1"}', headers: { 'content-type': 'application/json' }
    })
    expect(res.status).toBe(200)
    const closed = await Promise.all(slow.map(async (s) => await s.closed))
    for (const { ms } of closed) expect(ms).toBeLessThan(TIMEOUTS.requestMs + 1500)
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200)
  })
})
