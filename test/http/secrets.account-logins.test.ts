import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postDelivery } from '../helpers/post-order.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { discordMultipart } from '../helpers/discord-multipart.ts'

const TOKEN = 'login-test-url-token-5f2a9c'
const URL = `/api/v2/webhooks/orders/${TOKEN}`
const TABLES = ['orders', 'order_items', 'order_tracking', 'order_events', 'webhook_logs', 'processed_deliveries'] as const
const BOUNDARY = '----roms-login-test-b0undary'
// Not UTF-8: a screenshot part makes the multipart body binary.
const SCREENSHOT = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x22, 0x40])

const field = (name: string, value: string): Record<string, unknown> => ({ name, value, inline: true })

const multipart = (payloadJson: string, file?: Buffer): Buffer => discordMultipart(BOUNDARY, payloadJson, file)

interface Sent { name: string, password: string, status: number, body: string | Buffer, headers?: Record<string, string>, url?: string }

// Each delivery carries an account as checkout bots print it, "email:password", with its own password.
const DELIVERIES: Sent[] = [
  {
    name: 'a bot embed field in spoilers',
    password: 'pw-embed-1a2b',
    status: 204,
    body: JSON.stringify({ username: 'Cyber', embeds: [{ title: 'Successful Checkout', fields: [field('Order', '#L-1'), field('Account', '||john@example.com:pw-embed-1a2b||'), field('Price', '$110.00')] }] })
  },
  {
    name: 'a bot description line, posted as multipart with a screenshot',
    password: 'pw-desc-3c4d',
    status: 204,
    body: multipart(JSON.stringify({ username: 'Valor', embeds: [{ title: 'Checkout Success', description: '**Order:** L-2\n**Account:** jane@example.com:pw-desc-3c4d\n**Size:** 10' }] }), SCREENSHOT),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }
  },
  {
    name: 'a script\'s email field, with a password JSON escapes',
    password: 'pw-"gen\\5e6f',
    status: 200,
    body: JSON.stringify({ order_number: 'L-3', email: 'buyer@example.com:pw-"gen\\5e6f', product: 'Dunk' })
  },
  {
    name: 'a field ROMS does not know, kept in extra',
    password: 'pw-extra-7a8b',
    status: 200,
    body: JSON.stringify({ order_number: 'L-4', login_used: 'alt@example.com|pw-extra-7a8b', product: 'Dunk' })
  },
  {
    name: 'a form field',
    password: 'pw-form-9c0d',
    status: 200,
    body: 'order_number=L-5&email=form%40example.com%3Apw-form-9c0d&product=Dunk',
    headers: { 'content-type': 'application/x-www-form-urlencoded' }
  },
  {
    name: 'a gzip body',
    password: 'pw-gzip-1e2f',
    status: 200,
    body: gzipSync(JSON.stringify({ order_number: 'L-6', email: 'z@example.com:pw-gzip-1e2f' })),
    headers: { 'content-encoding': 'gzip' }
  },
  {
    name: 'a decline',
    password: 'pw-decl-3a4b',
    status: 204,
    body: JSON.stringify({ username: 'Cyber', embeds: [{ title: 'Checkout Failed', fields: [field('Product', 'Dunk'), field('Account', 'd@example.com:pw-decl-3a4b'), field('Reason', 'Card declined')] }] })
  },
  {
    name: 'one order of a list',
    password: 'pw-batch-5c6d',
    status: 200,
    body: JSON.stringify([{ order_number: 'L-7', email: 'b@example.com:pw-batch-5c6d' }])
  },
  {
    name: 'a bot field named Password',
    password: 'pw-field-2b3c',
    status: 204,
    body: JSON.stringify({ username: 'Cyber', embeds: [{ title: 'Successful Checkout', fields: [field('Order', 'L-10'), field('Email', 'k@example.com'), field('Password', '||pw-field-2b3c||'), field('Size', '10')] }] })
  },
  {
    name: 'a script\'s password key',
    password: 'pw-key-4d5e',
    status: 200,
    body: JSON.stringify({ order_number: 'L-11', account: { email: 'p@example.com', password: 'pw-key-4d5e' }, product: 'Dunk' })
  },
  {
    name: 'a body that is not valid JSON',
    password: 'pw-bad-7e8f',
    status: 400,
    body: '{"order_number": "L-8", "email": "e@example.com:pw-bad-7e8f", }'
  },
  {
    name: 'a delivery without the secret URL',
    password: 'pw-401-9a0b',
    status: 401,
    body: JSON.stringify({ order_number: 'L-9', email: 'u@example.com:pw-401-9a0b' }),
    url: '/api/v2/webhooks/orders'
  }
]

for (const kind of testDatabases()) {
  describe(`account passwords and other secrets in deliveries (${kind})`, () => {
    let t: TestApp
    const answers: string[] = []
    beforeAll(async () => {
      t = await buildTestApp(kind, { WEBHOOK_SECRET: 'login-test-secret', WEBHOOK_URL_TOKEN: TOKEN })
      for (const sent of DELIVERIES) {
        const res = await postDelivery(t.app, sent.body, sent.headers ?? {}, sent.url ?? URL)
        answers.push(res.body)
        expect(res.statusCode, `${sent.name}: ${res.body}`).toBe(sent.status)
      }
    })
    afterAll(async () => { await t.close() })

    const allRows = async (): Promise<string> => {
      const rows: string[] = []
      for (const table of TABLES) rows.push(JSON.stringify(await t.store.db.kysely.selectFrom(table).selectAll().execute()))
      return rows.join('\n')
    }
    const logs = async (): Promise<Array<{ id: number, outcome: string, order_number: string | null }>> =>
      await t.store.db.kysely.selectFrom('webhook_logs').select(['id', 'outcome', 'order_number']).orderBy('id').execute()

    it('keeps the address on the order and no password in any stored row, answer or API view', async () => {
      expect((await t.store.db.kysely.selectFrom('orders').select('extra').where('order_number', '=', 'L-11').executeTakeFirstOrThrow()).extra)
        .toBe(JSON.stringify({ account: { email: 'p@example.com', password: '[redacted]' } }))
      const orders = await t.store.db.kysely.selectFrom('orders').select(['order_number', 'email']).orderBy('order_number').execute()
      expect(orders).toEqual([
        { order_number: 'L-1', email: 'john@example.com' },
        { order_number: 'L-10', email: 'k@example.com' },
        { order_number: 'L-11', email: null },
        { order_number: 'L-2', email: 'jane@example.com' },
        { order_number: 'L-3', email: 'buyer@example.com' },
        { order_number: 'L-4', email: null },
        { order_number: 'L-5', email: 'form@example.com' },
        { order_number: 'L-6', email: 'z@example.com' },
        { order_number: 'L-7', email: 'b@example.com' }
      ])
      const views: string[] = []
      for (const { id } of await logs()) views.push((await t.app.inject({ url: `/api/v2/webhooks/logs/${id}` })).body)
      views.push((await t.app.inject({ url: '/api/v2/webhooks/logs?limit=100' })).body, (await t.app.inject({ url: '/api/v2/orders/export.csv' })).body)
      const rows = await allRows()
      for (const { name, password } of DELIVERIES) {
        // JSON.stringify: a password with a quote or backslash is searched as a row's JSON writes it too.
        for (const written of [password, JSON.stringify(password).slice(1, -1)]) {
          expect(rows.includes(written), `${name}: a stored row carries ${password}`).toBe(false)
          expect(answers.some((answer) => answer.includes(written)), `${name}: an answer carries ${password}`).toBe(false)
          expect(views.some((view) => view.includes(written)), `${name}: the API shows ${password}`).toBe(false)
        }
      }
      expect(rows).toContain('alt@example.com|[redacted]')
      expect(rows).toContain('d@example.com')
    })

    it('replays every recorded delivery to the same outcome, the password never needed', async () => {
      const recorded = (await logs()).filter((log) => log.outcome !== 'unauthorized' && log.outcome !== 'rejected' && log.order_number !== null)
      expect(recorded.length).toBe(9)
      for (const log of recorded) {
        const res = await t.app.inject({ method: 'POST', url: `/api/v2/webhooks/logs/${log.id}/replay` })
        expect(res.statusCode, res.body).toBe(200)
        expect(res.json(), `replay of ${log.order_number ?? ''}`).toMatchObject({ success: true, action: 'unchanged', order_number: log.order_number })
      }
      const decline = (await logs()).find((log) => log.outcome === 'declined')
      const res = await t.app.inject({ method: 'POST', url: `/api/v2/webhooks/logs/${decline?.id ?? 0}/replay` })
      expect(res.json()).toMatchObject({ success: true, outcome: 'declined' })
      expect(await allRows()).not.toContain('pw-')
    })
  })
}
