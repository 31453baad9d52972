import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { postJson } from '../helpers/post-order.ts'

// The guide's field-mapping table: every name a sender may use, the column it must land in, and the stored value.
const ALIASES: Array<[alias: string, value: unknown, column: string, stored: unknown]> = [
  ['product', 'Nike Shoes', 'product', 'Nike Shoes'],
  ['product_name', 'Nike Shoes', 'product', 'Nike Shoes'],
  ['item', 'Nike Shoes', 'product', 'Nike Shoes'],
  ['price', 99.99, 'price', '99.99'],
  ['unit_price', 99.99, 'price', '99.99'],
  ['total', 199.98, 'total', '199.98'],
  ['total_price', 199.98, 'total', '199.98'],
  ['amount', 199.98, 'total', '199.98'],
  ['commission', 15.00, 'commission', '15.00'],
  ['profit', 15.00, 'commission', '15.00'],
  ['quantity', 2, 'quantity', 2],
  ['qty', 2, 'quantity', 2],
  ['email', 'test@email.com', 'email', 'test@email.com'],
  ['customer_email', 'test@email.com', 'email', 'test@email.com'],
  ['customer_name', 'John Doe', 'customer_name', 'John Doe'],
  ['name', 'John Doe', 'customer_name', 'John Doe'],
  ['profile', 'Profile1', 'profile', 'Profile1'],
  ['proxy_list', 'Proxy1', 'proxy_list', 'Proxy1'],
  ['proxy', 'Proxy1', 'proxy_list', 'Proxy1'],
  ['reference', 'REF123', 'reference_number', 'REF123'],
  ['reference_number', 'REF123', 'reference_number', 'REF123'],
  ['status', 'pending', 'status', 'pending'],
  ['order_status', 'pending', 'status', 'pending'],
  ['tracking', '1Z999AA10123456784', 'tracking_number', '1Z999AA10123456784'],
  ['tracking_number', '1Z999AA10123456784', 'tracking_number', '1Z999AA10123456784'],
  ['shipment_id', '1Z999AA10123456784', 'tracking_number', '1Z999AA10123456784'],
  ['order_date', '2024-10-27T10:30:00Z', 'order_date', '2024-10-27T10:30:00.000Z'],
  ['created_at', '2024-10-27T10:30:00Z', 'order_date', '2024-10-27T10:30:00.000Z'],
  ['date', '2024-10-27T10:30:00Z', 'order_date', '2024-10-27T10:30:00.000Z']
]

for (const kind of testDatabases()) {
  describe(`the field-mapping table (${kind})`, () => {
    let t: TestApp
    beforeAll(async () => { t = await buildTestApp(kind) })
    afterAll(async () => { await t.close() })

    it.each(ALIASES)('stores %s in the %s column', async (alias, value, column, stored) => {
      const orderNumber = `ALIAS-${alias}`
      const res = await postJson(t.app, { order_number: orderNumber, [alias]: value })
      expect(res.statusCode).toBe(200)
      const order = await t.store.db.kysely.selectFrom('orders').selectAll().where('order_number', '=', orderNumber).executeTakeFirstOrThrow()
      const actual = (order as Record<string, unknown>)[column]
      if (typeof stored === 'string' && /^\d+\.\d\d$/.test(stored)) expect(Number(actual).toFixed(2)).toBe(stored)
      else expect(actual).toEqual(stored)
      expect(JSON.parse(order.extra)).toEqual({})
    })

    it.each([
      ['order', { order: { order_number: 'WRAP-1', product: 'Dunk' } }],
      ['data', { Data: { orderNumber: 'WRAP-2', product: 'Dunk' } }],
      ['an event and its payload', { event: 'order.created', payload: { order_number: 'WRAP-3', product: 'Dunk' } }],
      ['data.object', { type: 'order.created', data: { object: { order_id: 'WRAP-4', product: 'Dunk' } } }],
      ['body', { headers: { 'x-a': '1' }, body: { order_no: 'WRAP-5', product: 'Dunk' } }],
      ['data.attributes', { data: { type: 'orders', attributes: { 'order-number': 'WRAP-6', product: 'Dunk' } } }]
    ])('reads an order wrapped in %s', async (_name, payload) => {
      const res = await postJson(t.app, payload)
      expect(res.statusCode, res.body).toBe(200)
      const orderNumber = res.json().order_number as string
      expect(orderNumber).toMatch(/^WRAP-\d$/)
      const order = await t.store.db.kysely.selectFrom('orders').selectAll().where('order_number', '=', orderNumber).executeTakeFirstOrThrow()
      expect(order.product).toBe('Dunk')
    })

    it('reads names written without separators, in any case', async () => {
      const res = await postJson(t.app, { ORDERNUMBER: 'CMP-1', CUSTOMEREMAIL: 'cmp@example.com', TRACKINGNUMBER: '1Z999AA10123456784', customername: 'Jo Cmp', ProxyList: 'ISP 1' })
      expect(res.statusCode, res.body).toBe(200)
      const order = await t.store.db.kysely.selectFrom('orders').selectAll().where('order_number', '=', 'CMP-1').executeTakeFirstOrThrow()
      expect(order).toMatchObject({ email: 'cmp@example.com', tracking_number: '1Z999AA10123456784', customer_name: 'Jo Cmp', proxy_list: 'ISP 1' })
      expect(JSON.parse(order.extra)).toEqual({})
      expect((await postJson(t.app, { ordernumber: 'CMP-1', customer_name: 'Jo Cmp' })).json().action).toBe('unchanged')
    })

    it.each(['Order #', 'Order No.', 'order #', ' Order Number '])('reads a spreadsheet header %j as the order number', async (header) => {
      const res = await postJson(t.app, { [header]: `HDR-${header.trim()}`, 'Product Name': 'Dunk', 'Unit Price': '$110.00' })
      expect(res.statusCode, res.body).toBe(200)
      const order = await t.store.db.kysely.selectFrom('orders').selectAll().where('order_number', '=', `HDR-${header.trim()}`).executeTakeFirstOrThrow()
      expect(order.product).toBe('Dunk')
      expect(JSON.parse(order.extra)).toEqual({})
    })

    it('reads the customer and the parcel from the objects a script nests them in', async () => {
      const res = await postJson(t.app, {
        orderNumber: 'NEST-1',
        productName: 'Dunk',
        customer: { name: 'Bo Li', email: 'bo@example.com', status: 'vip', id: 7 },
        shipping: { trackingNumber: '1Z999AA10123456784', carrier: 'UPS', status: 'label_created' }
      })
      expect(res.statusCode, res.body).toBe(200)
      const order = await t.store.db.kysely.selectFrom('orders').selectAll().where('order_number', '=', 'NEST-1').executeTakeFirstOrThrow()
      expect(order).toMatchObject({ customer_name: 'Bo Li', email: 'bo@example.com', tracking_number: '1Z999AA10123456784', carrier: 'UPS', status: 'pending' })
      expect(JSON.parse(order.extra)).toMatchObject({ customer: { id: 7 }, shipping: { status: 'label_created' } })

      await postJson(t.app, { order_number: 'NEST-2', email: 'top@example.com', billing: { first_name: 'Ann', last_name: 'Lee', email: 'nested@example.com' } })
      const second = await t.store.db.kysely.selectFrom('orders').selectAll().where('order_number', '=', 'NEST-2').executeTakeFirstOrThrow()
      expect(second).toMatchObject({ customer_name: 'Ann Lee', email: 'top@example.com' })
    })

    it('leaves stored values alone for fields sent as null, known or not, and writes no event', async () => {
      await postJson(t.app, { order_number: 'NULL-1', price: 10, customer_name: 'Ann', note: 'keep' })
      const res = await postJson(t.app, { order_number: 'NULL-1', price: null, tracking_number: null, customer_name: null, note: null, other: null })
      expect(res.json().action).toBe('unchanged')
      const order = await t.store.db.kysely.selectFrom('orders').selectAll().where('order_number', '=', 'NULL-1').executeTakeFirstOrThrow()
      expect(order).toMatchObject({ customer_name: 'Ann' })
      expect(Number(order.price)).toBe(10)
      expect(JSON.parse(order.extra)).toEqual({ note: 'keep' })
      const events = await t.store.db.kysely.selectFrom('order_events').select('id').where('order_id', '=', order.id).execute()
      expect(events).toHaveLength(1)
    })

    it('takes "#1001" for order 1001, as shops and emails write it', async () => {
      expect((await postJson(t.app, { order_number: '#HASH-1001', product: 'Dunk' })).json()).toMatchObject({ action: 'created', order_number: 'HASH-1001' })
      expect((await postJson(t.app, { order_number: 'HASH-1001', status: 'shipped' })).json()).toMatchObject({ action: 'updated' })
      expect((await postJson(t.app, { order_number: '# HASH-1001', status: 'shipped' })).json()).toMatchObject({ action: 'unchanged' })
      expect((await postJson(t.app, { order_number: '#' })).json().error.code).toBe('ORDER_NUMBER_MISSING')
    })

    it('keeps one tracking row for a number written in other case or with spaces', async () => {
      await postJson(t.app, { order_number: 'TRK-1', tracking_number: '1z999aa10123456784' })
      expect((await postJson(t.app, { order_number: 'TRK-1', tracking_number: '1Z999AA10123456784' })).json().action).toBe('unchanged')
      await postJson(t.app, { order_number: 'TRK-1', tracking_number: '9400 1118 9922 3856 9284 99' })
      expect((await postJson(t.app, { order_number: 'TRK-1', tracking_number: '9400111899223856928499' })).json().action).toBe('unchanged')
      const order = await t.store.db.kysely.selectFrom('orders').select(['id', 'tracking_number']).where('order_number', '=', 'TRK-1').executeTakeFirstOrThrow()
      expect(order.tracking_number).toBe('9400111899223856928499')
      const rows = await t.store.db.kysely.selectFrom('order_tracking').select('tracking_number').where('order_id', '=', order.id).orderBy('id').execute()
      expect(rows.map((r) => r.tracking_number)).toEqual(['1Z999AA10123456784', '9400111899223856928499'])
    })

    it('still names the missing order number when no envelope holds one', async () => {
      const res = await postJson(t.app, { data: { order: { payload: { body: { order_number: 'TOO-DEEP' } } } } })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.code).toBe('ORDER_NUMBER_MISSING')
    })
  })
}
