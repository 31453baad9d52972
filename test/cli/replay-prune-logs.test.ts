import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listDeliveryLogs } from '../../src/store/delivery-log-repository.ts'
import { postDelivery, postJson } from '../helpers/post-order.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { runRoms, spawnRoms, waitForOutput } from './run-roms.ts'

const DAY_MS = 86_400_000

describe.each(testDatabases())('roms replay, prune and logs (%s)', (kind) => {
  let test: TestApp
  let env: Record<string, string>
  let now = new Date()
  beforeEach(async () => {
    now = new Date()
    test = await buildTestApp(kind, {}, { clock: () => now })
    env = { DATABASE_URL: test.databaseUrl }
  })
  afterEach(async () => { await test.close() })

  it('says on stderr that there is nothing to show, leaving stdout empty for a pipe', async () => {
    const empty = await runRoms(['logs'], { env })
    expect(empty).toMatchObject({ code: 0, stdout: '' })
    expect(empty.stderr).toContain('no deliveries recorded yet')
    await postJson(test.app, { order_number: 'L-1' })
    const filtered = await runRoms(['logs', '--outcome', 'rejected', '--json'], { env })
    expect(filtered).toMatchObject({ code: 0, stdout: '' })
    expect(filtered.stderr).toContain('no delivery matches')
  })

  it('replays one delivery as a new record pointing to the old one', async () => {
    const posted = await postJson(test.app, { order_number: 'R-1', product: 'Dunk' })
    const id = (posted.json() as { delivery_id?: number }).delivery_id ?? (await listDeliveryLogs(test.store.db, { limit: 1 }))[0]?.id
    const { code, stdout } = await runRoms(['replay', '--json', String(id)], { env })
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ replayed: id, status: 200, outcome: 'unchanged', order_number: 'R-1' })
    const [newest] = await listDeliveryLogs(test.store.db, { limit: 1 })
    expect(newest).toMatchObject({ replayOf: id, outcome: 'unchanged' })
  })

  it('replays the rejected deliveries since a time, not older ones nor accepted ones', async () => {
    now = new Date(Date.now() - 3 * DAY_MS)
    await postJson(test.app, { order_number: 'OLD', total: 'lots' })
    now = new Date()
    await postJson(test.app, { order_number: 'NEW', total: 'lots' })
    await postJson(test.app, { order_number: 'OK' })
    const { code, stdout } = await runRoms(['replay', '--failed', '--since', '24h'], { env })
    expect(code).toBe(1)
    expect(stdout.trim().split('\n')).toHaveLength(1)
    expect(stdout).toMatch(/^#\d+ replayed as #\d+: rejected \(4\d\d\) order NEW: INVALID_FIELD total/)
    expect((await runRoms(['replay'], { env })).code).toBe(2)
  })

  it('replays a list of orders refused whole as one line per order, each a delivery of its own', async () => {
    await test.close()
    test = await buildTestApp(kind, { WEBHOOK_SECRET: 'list-secret' }, { clock: () => now })
    env = { DATABASE_URL: test.databaseUrl, WEBHOOK_SECRET: 'list-secret' }
    const refused = await postDelivery(test.app, '[{"order_number":"CL-1"},{"order_number":"CL-2","qty":"two"}]', { 'x-webhook-signature': 'deadbeef' })
    expect(refused.statusCode).toBe(401)
    const [record] = await listDeliveryLogs(test.store.db, { limit: 1 })
    const { code, stdout } = await runRoms(['replay', String(record?.id)], { env })
    expect(code).toBe(1)
    expect(stdout.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^#${record?.id} replayed as #\\d+: created \\(200\\) order CL-1$`)),
      expect.stringMatching(new RegExp(`^#${record?.id} replayed as #\\d+: rejected \\(400\\) order CL-2: INVALID_FIELD quantity`))
    ])
  })

  it('reports the order number a rejected delivery\'s record carries', async () => {
    await postJson(test.app, { order_number: 'BAD-1', total: 'lots' })
    const [rejected] = await listDeliveryLogs(test.store.db, { limit: 1 })
    const { code, stdout } = await runRoms(['replay', '--json', String(rejected?.id)], { env })
    expect(code).toBe(1)
    expect(JSON.parse(stdout)).toMatchObject({ replayed: rejected?.id, outcome: 'rejected', order_number: 'BAD-1' })
  })

  it('prunes deliveries older than the retention and prints the counts', async () => {
    now = new Date(Date.now() - 40 * DAY_MS)
    await postJson(test.app, { order_number: 'P-1' })
    await postJson(test.app, { order_number: 'P-2' }, { 'idempotency-key': 'old-key' })
    now = new Date()
    await postJson(test.app, { order_number: 'P-3' })
    const { code, stdout } = await runRoms(['prune', '--json'], { env: { ...env, ROMS_LOG_RETENTION_DAYS: '30' } })
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ retention_days: 30, deliveries: 2 })
    expect((await listDeliveryLogs(test.store.db, { limit: 10 })).map((log) => log.orderNumber)).toEqual(['P-3'])
  })

  it('lists the latest deliveries oldest first, and --follow prints new ones until Ctrl-C', async () => {
    for (const n of [1, 2, 3]) await postJson(test.app, { order_number: `G-${n}` })
    const { stdout } = await runRoms(['logs', '--limit', '2', '--json'], { env })
    expect(stdout.trim().split('\n').map((line) => (JSON.parse(line) as { order_number: string }).order_number)).toEqual(['G-2', 'G-3'])

    const child = spawnRoms(['logs', '--follow', '--limit', '1'], { env })
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve))
    if (child.stdout === null || child.stderr === null) throw new Error('no pipes')
    await waitForOutput(child.stderr, /following new deliveries/)
    const follows = waitForOutput(child.stdout, /INVALID_FIELD/)
    await postJson(test.app, { order_number: 'G-4' })
    await postJson(test.app, { order_number: 'G-5', total: 'oops' })
    expect(await follows).toMatch(/created\s+200\s+G-4\n.*rejected\s+4\d\d\s+G-5\s+INVALID_FIELD/)
    child.kill('SIGINT')
    expect(await exited).toBe(0)
  })
})
