import { request } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { hexHmac } from '../helpers/post-order.ts'

// What only a real socket shows: bytes as sent by a client, limits, keep-alive.
describe('the webhook endpoint on a real socket', () => {
  let t: TestApp
  let base: string
  beforeAll(async () => {
    t = await buildTestApp('sqlite', { WEBHOOK_SECRET: 'socket-secret', ROMS_BODY_LIMIT: '4096' })
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => { await t.close() })

  it('verifies a signature over the bytes a client sent, and reuses the connection', async () => {
    const agentResponses = []
    for (const n of ['SOCK-1', 'SOCK-2']) {
      const body = `{"order_number": "${n}", "price": 10}`
      const res = await fetch(`${base}/api/v2/webhooks/orders`, {
        method: 'POST', body, headers: { 'content-type': 'application/json', 'x-webhook-signature': hexHmac('socket-secret', body) }
      })
      agentResponses.push([res.status, (await res.json() as { action: string }).action])
    }
    expect(agentResponses).toEqual([[200, 'created'], [200, 'created']])
  })

  it('answers 413 to an oversized body sent in chunks without a length, and stays up', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${base}/api/v2/webhooks/orders`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.write('{"order_number":"HUGE","pad":"')
      req.write('x'.repeat(70_000))
      req.end('"}')
    })
    expect(status).toBe(413)
    expect((await fetch(`${base}/health`)).status).toBe(200)
  })

  it.each([
    ['headers over 16 KiB', `POST /api/v2/webhooks/orders HTTP/1.1\r\nHost: x\r\nX-Pad: ${'p'.repeat(20_000)}\r\nContent-Length: 2\r\n\r\n{}`, 431, 'HEADERS_TOO_LARGE'],
    ['a request line that is not HTTP', 'HELLO THERE\r\n\r\n', 400, 'INVALID_REQUEST']
  ])('answers %s in ROMS\'s error shape, and stays up', async (_name, raw, status, code) => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(base).port), '127.0.0.1', () => { socket.write(raw) })
      let text = ''
      socket.on('data', (chunk: Buffer) => { text += chunk.toString('utf8') })
      socket.on('end', () => { resolve(text) })
      socket.on('error', reject)
    })
    expect(answer.startsWith(`HTTP/1.1 ${status} `)).toBe(true)
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ success: false, error: { code } })
    expect((await fetch(`${base}/health`)).status).toBe(200)
  })
})
