import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyEmail } from '../../src/email/apply-email.ts'
import { openStore, type Store } from '../../src/store/open-store.ts'
import { openTestStore, type TestStore, testDatabases } from '../helpers/test-database.ts'
import { waitFor } from '../helpers/wait-for.ts'
import { emailDeps, orderState } from './support/order-state.ts'
import { upsNumber } from './support/tracking-numbers.ts'

const TRACKING = upsNumber('A1B2C3030512345')
const BODY = `Order Number: C07777777777\n\nCarrier: UPS\nTracking number: ${TRACKING}\n`

const DIRECT = Buffer.from([
  'From: Nike <nike@official.nike.com>',
  'To: <kicks.bot.07@example.com>',
  'Subject: Your Order Has Shipped',
  'Date: Mon, 30 Nov 2026 14:05:00 +0000',
  'Message-ID: <ship-7777@official.nike.com>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  BODY
].join('\r\n'))

/** The bot account forwards everything to the shared inbox, and both are polled: the same email twice. */
const FORWARD = Buffer.from([
  'From: Kim <kim.personal@gmail.com>',
  'To: orders@mybot.example',
  'Subject: Fwd: Your Order Has Shipped',
  'Date: Mon, 30 Nov 2026 14:06:00 +0000',
  'Message-ID: <fwd-ship-7777@gmail.com>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  '---------- Forwarded message ---------',
  'From: Nike <nike@official.nike.com>',
  'Date: Mon, Nov 30, 2026 at 2:05 PM',
  'Subject: Your Order Has Shipped',
  'To: <kicks.bot.07@example.com>',
  '',
  BODY
].join('\r\n'))

const imap = { via: 'imap' } as const

describe.runIf(testDatabases().includes('postgres'))('two instances applying two copies of one email at once (postgres)', () => {
  let t: TestStore
  let other: Store
  let admin: pg.Client
  beforeEach(async () => {
    t = await openTestStore('postgres')
    other = openStore(process.env.TEST_DATABASE_URL ?? '', { schema: t.schema ?? '' })
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
    await admin.connect()
  })
  afterEach(async () => {
    await admin.end()
    await other.close()
    await t.cleanup()
  })

  it('applies one copy and answers duplicate for the other, for an order neither instance knew', async () => {
    // Holding back writes to orders keeps both instances inside their transactions, past the check for another copy,
    // until both are waiting; then both go on at once.
    await admin.query('begin')
    await admin.query(`lock table ${t.schema ?? ''}.orders in share mode`)
    const results = Promise.all([
      applyEmail(emailDeps(t.store), DIRECT, imap),
      applyEmail(emailDeps(other), FORWARD, imap)
    ])
    await waitFor(async () => {
      const waiting = await admin.query(
        `select count(*)::int as n from pg_locks where not granted and (relation = '${t.schema ?? ''}.orders'::regclass or locktype = 'advisory')`
      )
      return (waiting.rows[0] as { n: number }).n >= 2
    }, 'both instances to wait')
    await admin.query('commit')
    const statuses = (await results).map((r) => r.status).sort()
    expect(statuses).toEqual(['applied', 'duplicate'])
    const order = await orderState(t.store, 'C07777777777')
    expect(order?.values.status).toBe('shipped')
    expect(order?.events).toBe(1)
  })
})
