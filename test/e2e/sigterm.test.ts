import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ServerProcess, startServer, stopAll } from '../helpers/server-process.ts'
import { openTestStore, testDatabases, type TestStore } from '../helpers/test-database.ts'

/** main.ts gives in-flight deliveries 10 s; the process must be gone well before a supervisor's own kill timeout. */
const EXIT_BOUND_MS = 12_000

/** Resolves when the process has written `text`, or rejects at the deadline: waiting on output, never sleeping. */
async function waitForOutput (server: ServerProcess, text: string, deadlineMs = 10_000): Promise<void> {
  if (server.output().includes(text)) return
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${deadlineMs} ms:\n${server.output()}`)), deadlineMs)
    const check = (): void => {
      if (!server.output().includes(text)) return
      clearTimeout(timer)
      server.child.stdout?.off('data', check)
      resolve()
    }
    server.child.stdout?.on('data', check)
  })
}

for (const kind of testDatabases()) {
  describe(`SIGTERM finishes in-flight deliveries and exits 0 (${kind})`, () => {
    let db: TestStore
    const servers: ServerProcess[] = []
    beforeAll(async () => { db = await openTestStore(kind) })
    afterAll(async () => {
      await stopAll(servers)
      await db.cleanup()
    })

    it('answers a delivery whose body was still arriving, and the deliveries already sent, then exits 0', async () => {
      const server = await startServer({ DATABASE_URL: db.databaseUrl })
      servers.push(server)
      const { port } = new URL(server.url)
      const exited = new Promise<{ code: number | null, at: number }>((resolve) => server.child.once('exit', (code) => resolve({ code, at: performance.now() })))

      // A delivery half sent when the signal comes.
      const body = JSON.stringify({ order_number: 'TERM-SLOW', product: 'Dunk Low' })
      const socket = connect(Number(port), '127.0.0.1')
      let answer = ''
      socket.on('data', (chunk: Buffer) => { answer += chunk.toString('utf8') })
      const answered = new Promise<void>((resolve) => { socket.on('close', () => resolve()); socket.on('end', () => resolve()) })
      // Expect: 100-continue makes the server say when it has taken the request in; only then is it in flight.
      const taken = new Promise<void>((resolve) => { socket.on('data', () => { if (answer.includes('100 Continue')) resolve() }) })
      socket.write(`POST /api/v2/webhooks/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`)
      await taken
      socket.write(body.slice(0, 10))
      // A burst of deliveries in flight at the same moment.
      const burst = Array.from({ length: 30 }, async (_, i) => {
        const res = await fetch(`${server.url}/api/v2/webhooks/orders`, { method: 'POST', body: `{"order_number":"TERM-${i}"}`, headers: { 'content-type': 'application/json', connection: 'close' } })
        await res.arrayBuffer()
        return res.status
      }).map(async (p) => await p.catch(() => 0))

      const signalled = performance.now()
      server.child.kill('SIGTERM')
      await waitForOutput(server, 'shutting down')
      // write, not end: node drops a request whose client half-closes before the answer (httpAllowHalfOpen is off).
      socket.write(body.slice(10))
      await answered
      expect(answer, server.output()).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /)

      const statuses = await Promise.all(burst)
      const { code, at } = await exited
      expect(code).toBe(0)
      expect(at - signalled).toBeLessThan(EXIT_BOUND_MS)

      const stored = new Set((await db.store.db.kysely.selectFrom('orders').select('order_number').execute()).map((o) => o.order_number))
      expect(stored.has('TERM-SLOW')).toBe(true)
      for (const [i, status] of statuses.entries()) {
        // Answered 200 means stored; anything else (refused after the signal, 503) was never acknowledged.
        if (status === 200) expect(stored.has(`TERM-${i}`)).toBe(true)
      }
    }, 60_000)

    it('answers a request that arrives on an open connection after the signal with 503, Retry-After and ROMS\'s error shape', async () => {
      const server = await startServer({ DATABASE_URL: db.databaseUrl })
      servers.push(server)
      const { port } = new URL(server.url)
      const body = JSON.stringify({ order_number: 'TERM-FIRST' })
      const socket = connect(Number(port), '127.0.0.1')
      let answer = ''
      socket.on('data', (chunk: Buffer) => { answer += chunk.toString('utf8') })
      const answered = new Promise<void>((resolve) => { socket.on('close', () => resolve()); socket.on('end', () => resolve()) })
      const taken = new Promise<void>((resolve) => { socket.on('data', () => { if (answer.includes('100 Continue')) resolve() }) })
      socket.write(`POST /api/v2/webhooks/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`)
      await taken
      server.child.kill('SIGTERM')
      await waitForOutput(server, 'shutting down')
      // The first delivery was in flight when the signal came; the second follows it on the same keep-alive connection.
      const second = JSON.stringify({ order_number: 'TERM-SECOND' })
      socket.write(`${body}POST /api/v2/webhooks/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${second.length}\r\n\r\n${second}`)
      await answered
      const [, first = '', late = ''] = answer.split(/(?=HTTP\/1\.1 [2-5]\d\d )/)
      expect(first, answer).toMatch(/^HTTP\/1\.1 200 /)
      expect(late, answer).toMatch(/^HTTP\/1\.1 503 /)
      expect(late.toLowerCase()).toMatch(/\r\nretry-after: \d+\r\n/)
      expect(late.toLowerCase()).toMatch(/\r\nconnection: close\r\n/)
      expect(JSON.parse(late.slice(late.indexOf('\r\n\r\n') + 4))).toEqual({ success: false, error: { code: 'SHUTTING_DOWN', message: expect.stringContaining('shutting down') } })
      expect(await server.stop()).toBe(0)
    }, 60_000)
  })
}
