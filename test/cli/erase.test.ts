import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { postJson } from '../helpers/post-order.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { runRoms } from './run-roms.ts'

describe.each(testDatabases())('roms erase (%s)', (kind) => {
  let test: TestApp
  beforeEach(async () => { test = await buildTestApp(kind) })
  afterEach(async () => { await test.close() })

  it("erases one customer's email and name from orders and raw deliveries, and keeps the others", async () => {
    await postJson(test.app, { order_number: 'E-1', email: 'Jane.Doe@example.com', customer_name: 'Jane Doe', total: 120 })
    await postJson(test.app, { order_number: 'E-2', email: 'other@example.com', customer_name: 'Other Person' })
    const { code, stdout } = await runRoms(['erase', '--json', 'jane.doe@example.com'], { env: { DATABASE_URL: test.databaseUrl } })
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ orders: 1 })
    const orders = await test.store.db.kysely.selectFrom('orders').select(['order_number', 'email', 'customer_name', 'total']).orderBy('order_number').execute()
    expect(orders[0]).toMatchObject({ order_number: 'E-1', email: null, customer_name: null })
    expect(Number(orders[0]?.total)).toBe(120)
    expect(orders[1]).toMatchObject({ email: 'other@example.com', customer_name: 'Other Person' })
    const bodies = await test.store.db.kysely.selectFrom('webhook_logs').select(['raw_body', 'body_preview']).execute()
    expect(JSON.stringify(bodies).toLowerCase()).not.toContain('jane.doe@example.com')
    expect(JSON.stringify(bodies)).toContain('other@example.com')
  })

  it('keeps what ROMS records about the email that updated the order, unless it quotes the address', async () => {
    await postJson(test.app, { order_number: 'E-3', email: 'kim@example.com', email_kind: 'shipping', email_subject: 'Your order has shipped', shipping_address: '1 Main St' })
    await postJson(test.app, { order_number: 'E-4', email: 'kim@example.com', email_kind: 'order-confirmation', email_subject: 'Thanks kim@example.com' })
    expect((await runRoms(['erase', 'kim@example.com'], { env: { DATABASE_URL: test.databaseUrl } })).code).toBe(0)
    const extras = await test.store.db.kysely.selectFrom('orders').select(['order_number', 'extra']).orderBy('order_number').execute()
    expect(extras.map((order) => JSON.parse(order.extra) as unknown)).toEqual([
      { email_kind: 'shipping', email_subject: 'Your order has shipped', shipping_address: '[erased]' },
      { email_kind: 'order-confirmation', email_subject: '[erased]' }
    ])
  })

  it('refuses a missing or malformed address with exit code 2', async () => {
    expect((await runRoms(['erase'], { env: { DATABASE_URL: test.databaseUrl } })).code).toBe(2)
    expect((await runRoms(['erase', 'not-an-email'], { env: { DATABASE_URL: test.databaseUrl } })).code).toBe(2)
  })
})
