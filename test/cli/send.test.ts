import { mkdtempSync, writeFileSync } from 'node:fs'
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findOrderByNumber } from '../../src/store/order-query-repository.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { runRoms } from './run-roms.ts'

const dir = mkdtempSync(join(tmpdir(), 'roms-send-'))

describe.each(testDatabases())('roms send (%s)', (kind) => {
  let test: TestApp
  let url: string
  beforeAll(async () => {
    test = await buildTestApp(kind, { WEBHOOK_SECRET: 'send-secret' })
    await test.app.listen({ port: 0, host: '127.0.0.1' })
    url = `http://127.0.0.1:${(test.app.server.address() as AddressInfo).port}/api/v2/webhooks/orders`
  })
  afterAll(async () => { await test.close() })

  it('signs the file, posts it to a real server, and prints the answer', async () => {
    const file = join(dir, `${kind}-order.json`)
    writeFileSync(file, '{"order_number":"SEND-1","product":"Dunk Low","total":"$1,299.00"}')
    const { code, stdout } = await runRoms(['send', '--url', url, file], { env: { WEBHOOK_SECRET: 'send-secret' } })
    expect(code).toBe(0)
    const [status, body] = stdout.split('\n')
    expect(status).toBe('HTTP 200 OK')
    expect(JSON.parse(body ?? '')).toMatchObject({ success: true })
    expect((await findOrderByNumber(test.store.db, 'SEND-1'))?.values.total).toBe('1299.00')
  })

  it('exits 1 and shows the refusal when the secret is wrong', async () => {
    const { code, stdout } = await runRoms(['send', '--url', url, '--secret', 'wrong', '--json', '-'], { stdin: '{"order_number":"SEND-2"}' })
    expect(code).toBe(1)
    expect(JSON.parse(stdout)).toMatchObject({ status: 401, body: { success: false, error: { code: 'SIGNATURE_INVALID' } } })
    expect(await findOrderByNumber(test.store.db, 'SEND-2')).toBeUndefined()
  })

  it('exits 1 with a message when nothing listens at the URL', async () => {
    const { code, stderr } = await runRoms(['send', '--url', 'http://127.0.0.1:9/x', '--secret', 's', '-'], { stdin: '{}' })
    expect(code).toBe(1)
    expect(stderr).toContain('SEND_FAILED: could not reach http://127.0.0.1:9/x')
  })
})

describe('roms send to a server that takes the connection and never answers', () => {
  let silent: Server
  let sockets: Socket[]
  beforeAll(async () => {
    sockets = []
    silent = createServer((socket) => { sockets.push(socket) })
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  })
  afterAll(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => silent.close(resolve))
  })

  it('gives up after --timeout seconds with a message, exit 1, instead of waiting for good', async () => {
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api/v2/webhooks/orders`
    const { code, stderr } = await runRoms(['send', '--url', url, '--timeout', '1', '--secret', 's', '-'], { stdin: '{}' })
    expect(code).toBe(1)
    expect(stderr).toContain(`SEND_FAILED: no answer from ${url} within 1 s (--timeout to wait longer)`)
  })
})
