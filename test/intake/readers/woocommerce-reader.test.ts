import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import { woocommerceReader } from '../../../src/intake/readers/woocommerce-reader.ts'
import { orderReading, testReader, type ReaderCase } from '../../helpers/test-reader.ts'

const fixtures = new URL('../../fixtures/senders/', import.meta.url)
const created: unknown = JSON.parse(readFileSync(new URL('woocommerce-order-created.wire.json', fixtures), 'utf8'))
const pingRequest = readFileSync(new URL('woocommerce-ping.http', fixtures), 'latin1')
// The pipeline hands a form body over as a plain object; the test decodes the raw request the same way.
const pingBody = Object.fromEntries(new URLSearchParams(pingRequest.slice(pingRequest.indexOf('\r\n\r\n') + 4)))

const HEADERS = {
  'Content-Type': 'application/json',
  'X-WC-Webhook-Source': 'https://shop.example.com/',
  'X-WC-Webhook-Topic': 'order.updated',
  'X-WC-Webhook-Resource': 'order',
  'X-WC-Webhook-Event': 'updated',
  'X-WC-Webhook-Signature': 'G9oyMPyN1yBuZ6E7YK40kgmEUxKGBVoWrMIFntqfFeA=',
  'X-WC-Webhook-ID': '12',
  'X-WC-Webhook-Delivery-ID': '5d41402abc4b2a76b9719d911017c592'
}

function topic (name: string): Record<string, string> {
  const [resource = '', event = ''] = name.split('.')
  return { ...HEADERS, 'X-WC-Webhook-Topic': name, 'X-WC-Webhook-Resource': resource, 'X-WC-Webhook-Event': event }
}

const hoodie = {
  id: 2001,
  name: 'Essentials Hoodie - Oatmeal, L',
  parent_name: 'Essentials Hoodie',
  quantity: 1,
  sku: 'ESS-HOOD-OAT-L',
  price: 95,
  meta_data: [
    { id: 1, key: 'pa_color', value: 'oatmeal', display_key: 'Color', display_value: 'Oatmeal' },
    { id: 2, key: 'pa_size', value: 'l', display_key: 'Size', display_value: 'L' },
    { id: 3, key: '_reduced_stock', value: '1', display_key: '_reduced_stock', display_value: '1' }
  ]
}

function order (overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 5120,
    number: '5120',
    status: 'processing',
    currency: 'GBP',
    total: '101.95',
    date_created: '2025-05-01T09:15:00',
    date_created_gmt: '2025-05-01T08:15:00',
    date_modified: '2025-05-02T11:00:00',
    date_modified_gmt: '2025-05-02T10:00:00',
    billing: { first_name: 'Priya', last_name: 'Shah', email: 'priya@example.com' },
    payment_method: 'ppcp-gateway',
    line_items: [hoodie],
    meta_data: [],
    ...overrides
  }
}

const trackingMeta = (items: unknown): Record<string, unknown> => ({ meta_data: [{ id: 9, key: '_wc_shipment_tracking_items', value: items }] })

const STATUSES: Array<[string, string | undefined]> = [
  ['pending', 'pending'], ['processing', 'processing'], ['on-hold', 'on-hold'], ['completed', 'shipped'],
  ['cancelled', 'cancelled'], ['refunded', 'refunded'], ['failed', 'failed'], ['checkout-draft', 'pending'],
  ['trash', 'cancelled'], ['wc-completed', 'shipped'], ['delivered', 'delivered'], ['awaiting-shipment', undefined]
]

const statusCases: ReaderCase[] = STATUSES.map(([woo, status]) => ({
  name: `maps the WooCommerce status ${woo} to ${status ?? 'no status (kept in extra)'}`,
  headers: HEADERS,
  body: order({ status: woo }),
  expected: orderReading('5120', expect.objectContaining({ status }), { extra: expect.objectContaining({ woocommerce_status: woo }) })
}))

testReader(woocommerceReader, [
  {
    name: 'reads the order.created fixture byte for byte as WooCommerce sends it',
    headers: topic('order.created'),
    body: created,
    expected: {
      kind: 'order',
      patch: {
        orderNumber: '4821',
        fields: {
          product: 'Nike Dunk Low Retro + 2 more',
          quantity: 4,
          total: '261.87',
          currency: 'USD',
          email: 'daniel.moreau@example.com',
          customerName: 'Daniel Moreau',
          store: 'shop.example.com',
          status: 'processing',
          orderDate: '2025-03-14T17:12:03',
          platformOrderId: '4821'
        },
        items: [
          { title: 'Nike Dunk Low Retro', variant: '9.5', sku: 'DD1391-100-9.5', quantity: 1, unitPrice: 115 },
          { title: 'Sneaker Cleaning Kit', sku: 'CLN-KIT-01', quantity: 2, unitPrice: 27.5 },
          { title: 'Everyday Crew Socks (3-Pack)', sku: 'SOCK-3PK-BLK', quantity: 1, unitPrice: 60 }
        ],
        extra: {
          webhook_id: '12',
          store_url: 'https://shop.example.com/',
          order_id: '4821',
          woocommerce_status: 'processing',
          payment_method: 'stripe',
          payment_method_title: 'Credit / Debit Card',
          transaction_id: 'pi_3OxYz2KJ8aBcDeFg1HiJkLmN',
          created_via: 'checkout',
          customer_note: 'Please leave at the front desk.'
        },
        sourceUpdatedAt: '2025-03-14T17:12:09'
      }
    }
  },
  {
    name: 'answers the unsigned form-encoded ping sent when a webhook is saved',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'WooCommerce/9.4.1 Hookshot (WordPress/6.7.2)' },
    body: pingBody,
    expected: { kind: 'ping', summary: { webhook_id: '12' } }
  },
  ...statusCases,
  {
    name: 'reads a variation\'s size and every attribute from its line item meta',
    headers: HEADERS,
    body: order(),
    expected: orderReading('5120', {
      product: 'Essentials Hoodie',
      size: 'L',
      sku: 'ESS-HOOD-OAT-L',
      price: 95,
      quantity: 1,
      total: '101.95',
      currency: 'GBP',
      email: 'priya@example.com',
      customerName: 'Priya Shah',
      store: 'shop.example.com',
      status: 'processing',
      orderDate: '2025-05-01T08:15:00',
      platformOrderId: '5120'
    }, {
      items: [{ title: 'Essentials Hoodie', variant: 'Oatmeal / L', sku: 'ESS-HOOD-OAT-L', quantity: 1, unitPrice: 95 }],
      sourceUpdatedAt: '2025-05-02T10:00:00'
    })
  },
  {
    name: 'reads a custom "Shoe Size" attribute written as HTML',
    headers: HEADERS,
    body: order({
      line_items: [{ name: 'Gel-Kayano 14', quantity: 2, sku: '', price: '150.00', meta_data: [{ key: 'shoe-size', display_key: 'Shoe Size', display_value: '<p>US 10 &amp; up</p>' }] }]
    }),
    expected: orderReading('5120', expect.objectContaining({ product: 'Gel-Kayano 14', size: 'US 10 & up', sku: undefined, quantity: 2 }))
  },
  {
    name: 'adds every tracking number from Shipment Tracking meta, with the custom provider when set',
    headers: HEADERS,
    body: order({
      status: 'completed',
      ...trackingMeta([
        { tracking_provider: 'royal-mail', custom_tracking_provider: '', tracking_number: 'AB123456789GB', date_shipped: '1746090000' },
        { tracking_provider: '', custom_tracking_provider: 'Evri', tracking_number: 'H01HYA0012345678', date_shipped: '1746176400' }
      ])
    }),
    expected: orderReading('5120', expect.objectContaining({ status: 'shipped', trackingNumber: 'H01HYA0012345678', carrier: 'Evri' }), {
      trackings: [{ number: 'AB123456789GB', carrier: 'royal-mail' }, { number: 'H01HYA0012345678', carrier: 'Evri' }]
    })
  },
  {
    name: 'reads a reseller plugin\'s profile, proxy list and commission from the order meta, and keeps its other visible meta',
    headers: HEADERS,
    body: order({
      meta_data: [
        { id: 1, key: 'profile', value: 'Amex 2' },
        { id: 2, key: '_proxy_list', value: 'ISP East' },
        { id: 3, key: 'Commission', value: '12.50' },
        { id: 4, key: 'bot_name', value: 'Valor' },
        { id: 5, key: '_stripe_customer_id', value: 'cus_hidden' },
        { id: 6, key: 'is_vat_exempt', value: 'no' }
      ]
    }),
    expected: orderReading('5120', expect.objectContaining({ profile: 'Amex 2', proxyList: 'ISP East', commission: '12.50' }), {
      extra: expect.not.objectContaining({ 'meta._stripe_customer_id': expect.anything(), 'meta.is_vat_exempt': expect.anything() })
    })
  },
  {
    name: 'keeps visible order meta under meta.<key>',
    headers: HEADERS,
    body: order({ meta_data: [{ id: 4, key: 'bot_name', value: 'Valor' }] }),
    expected: orderReading('5120', expect.anything(), { extra: expect.objectContaining({ 'meta.bot_name': 'Valor' }) })
  },
  {
    name: 'keeps visible meta a plugin stores as a flag, a list or an object as it is, and a reseller field stored so',
    headers: HEADERS,
    body: order({
      meta_data: [
        { id: 1, key: 'profile', value: { name: 'Amex', last4: '1005' } }, { id: 2, key: '_proxy_list', value: ['isp-1', 'isp-2'] },
        { id: 3, key: 'gift_wrap', value: true }, { id: 4, key: 'checkout_fields', value: { size_note: 'runs small' } }, { id: 5, key: 'empty', value: null }
      ]
    }),
    expected: orderReading('5120', expect.not.objectContaining({ profile: expect.anything(), proxyList: expect.anything() }), {
      extra: expect.objectContaining({
        'meta.profile': { name: 'Amex', last4: '1005' },
        'meta.proxy_list': ['isp-1', 'isp-2'],
        'meta.gift_wrap': true,
        'meta.checkout_fields': { size_note: 'runs small' }
      })
    })
  },
  {
    name: 'reads Shipment Tracking meta stored as JSON text and AfterShip\'s tracking meta',
    headers: HEADERS,
    body: order({
      meta_data: [
        { key: '_wc_shipment_tracking_items', value: '[{"tracking_provider":"ups","tracking_number":"1Z999AA10123456784"}]' },
        { key: '_aftership_tracking_number', value: '9400111899223344556677' },
        { key: '_aftership_tracking_provider_name', value: 'USPS' }
      ]
    }),
    expected: orderReading('5120', expect.anything(), {
      trackings: [{ number: '1Z999AA10123456784', carrier: 'ups' }, { number: '9400111899223344556677', carrier: 'USPS' }]
    })
  },
  {
    name: 'uses the site-local date_created when the _gmt dates are missing, and the id when number is',
    headers: HEADERS,
    body: order({ number: undefined, date_created_gmt: undefined, date_modified_gmt: undefined }),
    expected: orderReading('5120', expect.objectContaining({ orderDate: '2025-05-01T09:15:00' }), { sourceUpdatedAt: '2025-05-02T11:00:00' })
  },
  {
    name: 'keeps a sequential order number plugin\'s number and the internal id apart',
    headers: HEADERS,
    body: order({ number: 'WC-2025-0042' }),
    expected: orderReading('WC-2025-0042', expect.objectContaining({ platformOrderId: '5120' }))
  },
  {
    name: 'names a product topic as unsupported',
    headers: topic('product.updated'),
    body: { id: 77, name: 'Essentials Hoodie' },
    error: { code: 'UNSUPPORTED_PAYLOAD', message: /product\.updated/ }
  },
  {
    name: 'names a customer topic as unsupported',
    headers: topic('customer.created'),
    body: { id: 37, email: 'priya@example.com' },
    error: { code: 'UNSUPPORTED_PAYLOAD', message: /customer\.created/ }
  },
  {
    name: 'names an action topic as unsupported',
    headers: { ...HEADERS, 'X-WC-Webhook-Topic': 'action.woocommerce_order_status_completed', 'X-WC-Webhook-Resource': 'action' },
    body: { action: 'woocommerce_order_status_completed', arg: 5120 },
    error: { code: 'UNSUPPORTED_PAYLOAD', message: /action\.woocommerce_order_status_completed/ }
  },
  {
    name: 'refuses order.deleted, which carries only the id',
    headers: topic('order.deleted'),
    body: { id: 5120 },
    error: { code: 'UNSUPPORTED_PAYLOAD', field: 'body', message: /order\.deleted/ }
  },
  {
    name: 'does not claim a JSON order without WooCommerce headers',
    headers: { 'Content-Type': 'application/json' },
    body: order(),
    matches: false
  },
  {
    name: 'does not take a form with more than webhook_id for a ping',
    headers: {},
    body: { webhook_id: '12', order_number: '1' },
    matches: false
  }
])
