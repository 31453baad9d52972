import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import { shopifyReader } from '../../../src/intake/readers/shopify-reader.ts'
import { orderReading, testReader } from '../../helpers/test-reader.ts'

const fixture: unknown = JSON.parse(readFileSync(new URL('../../fixtures/senders/shopify-orders-create.wire.json', import.meta.url), 'utf8'))

const HEADERS = {
  'Content-Type': 'application/json',
  'X-Shopify-Topic': 'orders/create',
  'X-Shopify-Hmac-Sha256': 'o/NRtpQhiZQe95kQEgoBcnG2AG6YV/qh5yvfPYPEhaE=',
  'X-Shopify-Shop-Domain': 'kicks-depot.myshopify.com',
  'X-Shopify-Event-Id': '9a7c2f41-5e3b-4d8a-b6c1-0f2e9d8c7b65',
  'X-Shopify-Triggered-At': '2025-03-14T16:41:29.781093412Z'
}

function topic (name: string): Record<string, string> {
  return { ...HEADERS, 'X-Shopify-Topic': name }
}

const sneaker = { title: 'Yeezy Boost 350 V2', variant_title: '9.5', sku: 'HQ4540-95', quantity: 1, price: '230.00' }

function order (overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 6012345678901,
    name: '#2040',
    order_number: 2040,
    email: 'lena@example.com',
    created_at: '2025-04-02T10:00:00+02:00',
    updated_at: '2025-04-03T08:30:00+02:00',
    currency: 'EUR',
    total_price: '239.90',
    financial_status: 'paid',
    fulfillment_status: null,
    cancelled_at: null,
    cancel_reason: null,
    test: false,
    customer: { id: 1, first_name: 'Lena', last_name: 'Vogel', email: 'lena@example.com' },
    line_items: [sneaker],
    fulfillments: [],
    ...overrides
  }
}

const ups = (id: number, numbers: string[], extra: Record<string, unknown> = {}): Record<string, unknown> =>
  ({ id, status: 'success', tracking_company: 'UPS', tracking_number: numbers[0], tracking_numbers: numbers, ...extra })

testReader(shopifyReader, [
  {
    name: 'reads the orders/create fixture byte for byte as Shopify sends it',
    headers: HEADERS,
    body: fixture,
    expected: {
      kind: 'order',
      patch: {
        orderNumber: '1001',
        fields: {
          product: 'Air Jordan 1 Retro High OG + 1 more',
          quantity: 3,
          total: '239.32',
          currency: 'USD',
          email: 'maya.okafor@example.com',
          customerName: 'Maya Okafor',
          store: 'kicks-depot.myshopify.com',
          status: 'processing',
          orderDate: '2025-03-14T09:41:27-07:00',
          platformOrderId: '5981234567890'
        },
        items: [
          { title: 'Air Jordan 1 Retro High OG', variant: '10 / Varsity Red', sku: 'DZ5485-612-10', quantity: 1, unitPrice: '180.00' },
          { title: 'Everyday Cushioned Crew Socks', variant: 'M / Black', sku: 'SX7664-010-M', quantity: 2, unitPrice: '14.00' }
        ],
        extra: {
          shop_domain: 'kicks-depot.myshopify.com',
          order_id: '5981234567890',
          financial_status: 'paid',
          gateway: 'shopify_payments',
          confirmation_number: 'K7QWZ3PXA',
          source_name: 'web'
        },
        sourceUpdatedAt: '2025-03-14T09:41:29-07:00'
      }
    }
  },
  {
    name: 'keeps every digit of an order id above 2^53 that the pipeline parsed as a bigint',
    headers: HEADERS,
    body: order({ id: 820982911946154508n }),
    expected: orderReading('2040', expect.objectContaining({ platformOrderId: '820982911946154508' }), {
      extra: expect.objectContaining({ order_id: '820982911946154508' })
    })
  },
  {
    name: 'fills size, sku and price from the only line item',
    headers: HEADERS,
    body: order(),
    expected: orderReading('2040', {
      product: 'Yeezy Boost 350 V2',
      size: '9.5',
      sku: 'HQ4540-95',
      price: '230.00',
      quantity: 1,
      total: '239.90',
      currency: 'EUR',
      email: 'lena@example.com',
      customerName: 'Lena Vogel',
      store: 'kicks-depot.myshopify.com',
      status: 'processing',
      orderDate: '2025-04-02T10:00:00+02:00',
      platformOrderId: '6012345678901'
    })
  },
  {
    name: 'answers the "Send test notification" sample order as a test',
    headers: topic('orders/cancelled'),
    body: order({ id: 820982911946154508n, name: '#9999', order_number: 1234, test: true, cancelled_at: '2021-12-31T19:00:00-05:00' }),
    expected: {
      kind: 'test',
      summary: { topic: 'orders/cancelled', shop_domain: 'kicks-depot.myshopify.com', name: '#9999', order_id: '820982911946154508' }
    }
  },
  {
    name: 'marks an order with cancelled_at as cancelled and keeps the reason',
    headers: topic('orders/cancelled'),
    body: order({ cancelled_at: '2025-04-04T09:00:00+02:00', cancel_reason: 'customer', financial_status: 'voided' }),
    expected: orderReading('2040', expect.objectContaining({ status: 'cancelled' }), {
      extra: expect.objectContaining({ cancel_reason: 'customer', financial_status: 'voided' })
    })
  },
  {
    name: 'keeps the discount codes used and what they took off',
    headers: HEADERS,
    body: order({ total_discounts: '20.00', discount_codes: [{ code: 'SAVE20', amount: '20.00', type: 'fixed_amount' }, { code: 'VIP', amount: '0.00', type: 'percentage' }] }),
    expected: orderReading('2040', expect.objectContaining({}), { extra: expect.objectContaining({ discount_codes: 'SAVE20, VIP', total_discounts: '20.00' }) })
  },
  {
    name: 'keeps a multi-currency order\'s total in the currency the customer paid, beside the shop\'s',
    headers: HEADERS,
    body: order({
      currency: 'USD',
      total_price: '239.32',
      presentment_currency: 'EUR',
      total_price_set: { shop_money: { amount: '239.32', currency_code: 'USD' }, presentment_money: { amount: '220.00', currency_code: 'EUR' } }
    }),
    expected: orderReading('2040', expect.objectContaining({ total: '239.32', currency: 'USD' }), {
      extra: expect.objectContaining({ presentment_total: '220.00', presentment_currency: 'EUR' })
    })
  },
  {
    name: 'adds nothing about discounts or presentment money when there were none',
    headers: HEADERS,
    body: order({ total_discounts: '0.00', discount_codes: [], presentment_currency: 'USD', currency: 'USD' }),
    expected: orderReading('2040', expect.objectContaining({}), {
      extra: expect.not.objectContaining({ total_discounts: expect.anything(), discount_codes: expect.anything(), presentment_total: expect.anything() })
    })
  },
  {
    name: 'takes the orders/cancelled topic as cancelled even before the body shows it',
    headers: topic('orders/cancelled'),
    body: order(),
    expected: orderReading('2040', expect.objectContaining({ status: 'cancelled' }))
  },
  {
    name: 'marks a refunded order as refunded even after it shipped',
    headers: topic('orders/updated'),
    body: order({ financial_status: 'refunded', fulfillment_status: 'fulfilled' }),
    expected: orderReading('2040', expect.objectContaining({ status: 'refunded' }))
  },
  {
    name: 'leaves the status alone for a partial refund of an unfulfilled order',
    headers: topic('orders/updated'),
    body: order({ financial_status: 'partially_refunded' }),
    expected: orderReading('2040', expect.not.objectContaining({ status: expect.anything() }), {
      extra: expect.objectContaining({ financial_status: 'partially_refunded' })
    })
  },
  {
    name: 'maps pending and authorized payments to pending and voided to cancelled',
    headers: topic('orders/updated'),
    body: order({ financial_status: 'authorized' }),
    expected: orderReading('2040', expect.objectContaining({ status: 'pending' }))
  },
  {
    name: 'maps a voided payment to cancelled',
    headers: topic('orders/updated'),
    body: order({ financial_status: 'voided' }),
    expected: orderReading('2040', expect.objectContaining({ status: 'cancelled' }))
  },
  {
    name: 'collects every tracking number of every fulfillment, skipping cancelled ones',
    headers: topic('orders/fulfilled'),
    body: order({
      fulfillment_status: 'fulfilled',
      line_items: [sneaker, { ...sneaker, title: 'Samba OG', sku: 'B75806', variant_title: '8' }, { ...sneaker, title: 'Gazelle' }],
      fulfillments: [
        ups(1, ['1Z999AA10123456784', '1Z999AA10123456785']),
        { id: 2, status: 'cancelled', tracking_company: 'DHL', tracking_number: 'JD014600006281230701', tracking_numbers: ['JD014600006281230701'] },
        { id: 3, status: 'success', tracking_company: 'USPS', tracking_number: '9400111899223344556677', tracking_numbers: [] }
      ]
    }),
    expected: orderReading('2040', expect.objectContaining({
      product: 'Yeezy Boost 350 V2 + 2 more',
      quantity: 3,
      status: 'shipped',
      trackingNumber: '9400111899223344556677',
      carrier: 'USPS'
    }), {
      trackings: [
        { number: '1Z999AA10123456784', carrier: 'UPS' },
        { number: '1Z999AA10123456784', carrier: 'UPS' },
        { number: '1Z999AA10123456785', carrier: 'UPS' },
        { number: '9400111899223344556677', carrier: 'USPS' }
      ]
    })
  },
  {
    name: 'marks a partially fulfilled order as partially shipped',
    headers: topic('orders/partially_fulfilled'),
    body: order({ fulfillment_status: 'partial', fulfillments: [ups(1, ['1Z999AA10123456784'])] }),
    expected: orderReading('2040', expect.objectContaining({ status: 'partially-shipped', carrier: 'UPS' }))
  },
  {
    name: 'marks a fulfilled order as delivered once every shipment is delivered',
    headers: topic('orders/updated'),
    body: order({ fulfillment_status: 'fulfilled', fulfillments: [ups(1, ['1Z999AA10123456784'], { shipment_status: 'delivered' })] }),
    expected: orderReading('2040', expect.objectContaining({ status: 'delivered' }))
  },
  {
    name: 'uses order_number when name is absent and keeps a store prefix in name',
    headers: HEADERS,
    body: order({ name: undefined, order_number: 2041 }),
    expected: orderReading('2041', expect.objectContaining({ platformOrderId: '6012345678901' }))
  },
  {
    name: 'keeps a custom order name without its leading #',
    headers: HEADERS,
    body: order({ name: '#KD-2040-EU' }),
    expected: orderReading('KD-2040-EU', expect.anything())
  },
  {
    name: 'falls back to contact_email and the billing address name for a guest checkout',
    headers: HEADERS,
    body: order({ email: '', contact_email: 'guest@example.com', customer: null, billing_address: { name: 'Sam Guest' } }),
    expected: orderReading('2040', expect.objectContaining({ email: 'guest@example.com', customerName: 'Sam Guest' }))
  },
  {
    name: 'falls back to X-Shopify-Triggered-At when the body has no updated_at',
    headers: topic('orders/paid'),
    body: order({ updated_at: undefined, financial_status: 'pending' }),
    expected: orderReading('2040', expect.objectContaining({ status: 'processing' }), {
      sourceUpdatedAt: '2025-03-14T16:41:29.781093412Z'
    })
  },
  {
    name: 'adds the tracking numbers of a fulfillments/create delivery to the order it names',
    headers: topic('fulfillments/create'),
    body: { id: 255858046, order_id: 6012345678901, name: '#2040.1', status: 'success', tracking_company: 'FedEx', tracking_number: '794644790138', tracking_numbers: ['794644790138'] },
    expected: {
      kind: 'order',
      patch: {
        orderNumber: '2040',
        fields: { platformOrderId: '6012345678901', store: 'kicks-depot.myshopify.com' },
        trackings: [{ number: '794644790138', carrier: 'FedEx' }, { number: '794644790138', carrier: 'FedEx' }],
        extra: { shop_domain: 'kicks-depot.myshopify.com' }
      }
    }
  },
  {
    name: 'refuses a product topic, naming it',
    headers: topic('products/create'),
    body: { id: 1, title: 'Air Max 1' },
    error: { code: 'UNSUPPORTED_PAYLOAD', message: /products\/create/ }
  },
  {
    name: 'refuses an order topic whose body is not an Order resource',
    headers: topic('orders/edited'),
    body: { order_edit: { id: 1, order_id: 6012345678901 } },
    error: { code: 'UNSUPPORTED_PAYLOAD', field: 'body', message: /orders\/edited/ }
  },
  {
    name: 'refuses a body that is not a JSON object',
    headers: HEADERS,
    body: [order()],
    error: { code: 'UNSUPPORTED_PAYLOAD' }
  },
  {
    name: 'claims a delivery by its HMAC header alone',
    headers: { 'X-Shopify-Hmac-Sha256': 'abc=' },
    body: order(),
    expected: orderReading('2040', expect.objectContaining({ store: undefined }))
  },
  {
    name: 'does not claim a delivery without Shopify headers',
    headers: { 'Content-Type': 'application/json' },
    body: order(),
    matches: false
  }
])
