import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postDelivery } from '../helpers/post-order.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { lastDeliveryLog, storedOrder } from './senders.support.ts'

// Bot layouts found neither in the fixtures nor in the reader's unit cases: other field names, separators, markdown
// and structures, sent over HTTP and checked in the database.
const field = (name: string, value: string, inline = true): Record<string, unknown> => ({ name, value, inline })

interface Layout {
  name: string
  post: Record<string, unknown>
  orderNumber: string
  order: Record<string, unknown>
  extra?: Record<string, unknown>
  items?: Array<Record<string, unknown>>
  trackings?: Array<Record<string, unknown>>
}

const LAYOUTS: Layout[] = [
  {
    name: 'the outcome in a Status field, a title that is only the bot name, and rarer field names',
    post: {
      username: 'Eve AIO',
      embeds: [{
        title: 'Eve AIO',
        timestamp: '2025-06-01T12:00:00+02:00',
        fields: [
          field('Status', 'Successful'), field('Merchant', 'Haven'), field('Item Name', 'Arc\'teryx Beta LT Jacket'),
          field('Sizes', 'M'), field('Unit Price', 'CA$650.00'), field('Units', '1'), field('Payment Profile', 'Visa – Tangerine'),
          field('Proxy Group', '||ca-isp-7||'), field('Email Address', '||eve.buyer@example.com||'),
          field('Order Ref', '||[#HVN-55012](https://shop.havenshop.com/orders/55012)||'), field('Checkout Duration', '4.2s'),
          field('Checkout Mode', 'Queue Bypass'), field('Account Tier', 'Gold')
        ]
      }]
    },
    orderNumber: 'HVN-55012',
    order: {
      product: 'Arc\'teryx Beta LT Jacket',
      size: 'M',
      store: 'Haven',
      price: 650,
      currency: 'CAD',
      quantity: 1,
      profile: 'Visa – Tangerine',
      proxy_list: 'ca-isp-7',
      email: 'eve.buyer@example.com',
      order_date: '2025-06-01T10:00:00.000Z'
    },
    extra: { bot: 'Eve AIO', mode: 'Queue Bypass', checkout_speed: '4.2s', 'Account Tier': 'Gold' }
  },
  {
    name: 'one checkout split over two embeds, with a confirmation and tracking in the second',
    post: {
      username: 'Splashforce',
      content: 'New order for <@123456789>',
      embeds: [
        { author: { name: '🎉 Copped!' }, title: 'Salomon XT-6 Vanilla Ice', fields: [field('Product', 'Salomon XT-6 Vanilla Ice'), field('Shoe Size', 'US 10'), field('Retailer', 'SNS')] },
        {
          title: 'Order Info',
          fields: [
            field('Order No.', 'SNS-1180442'), field('Confirmation Code', 'K2Q-77F'), field('Tracking Code', '1Z999AA10123456784'),
            field('Shipping Carrier', 'UPS'), field('Total', '€180,00')
          ]
        }
      ]
    },
    orderNumber: 'SNS-1180442',
    order: {
      product: 'Salomon XT-6 Vanilla Ice',
      size: 'US 10',
      store: 'SNS',
      reference_number: 'K2Q-77F',
      tracking_number: '1Z999AA10123456784',
      carrier: 'UPS',
      total: 180,
      price: 180,
      currency: 'EUR'
    },
    trackings: [{ tracking_number: '1Z999AA10123456784', carrier: 'UPS', source: 'discord' }]
  },
  {
    name: 'items numbered with # and [n], and field names ending in a colon',
    post: {
      username: 'Trickle',
      embeds: [{
        title: 'Checkout Complete',
        fields: [
          field('Site:', 'DSM NY'), field('Order Number:', '#DSM-3310'),
          field('Product #1', 'Nike x Sacai Blazer Low'), field('Size #1', '9'), field('Price #1', '$140.00'),
          field('Product [2]', 'Comme des Garçons Wallet'), field('Size [2]', 'OS'), field('Price [2]', '$210.00'), field('Qty [2]', '2')
        ]
      }]
    },
    orderNumber: 'DSM-3310',
    order: { product: 'Nike x Sacai Blazer Low + 1 more', quantity: 3, store: 'DSM NY', size: null, price: null },
    items: [
      { position: 0, title: 'Nike x Sacai Blazer Low', variant: '9', sku: null, quantity: 1, unit_price: 140 },
      { position: 1, title: 'Comme des Garçons Wallet', variant: 'OS', sku: null, quantity: 2, unit_price: 210 }
    ]
  },
  {
    name: 'a message without embeds, labels in capitals after a custom emoji headline',
    post: {
      username: 'Hawk Mesh',
      avatar_url: 'https://example.com/hawk.png',
      content: '<:success:112233445566778899> **NEW CHECKOUT**\nSITE: Undefeated\nPRODUCT: Nike SB Dunk Low Jarritos\nSIZE: 9.5\n' +
        'ORDER NUMBER: UNDFTD-44821\nPROFILE: Amex #2 $500\nPROXY: ||static-isp-4||'
    },
    orderNumber: 'UNDFTD-44821',
    order: { product: 'Nike SB Dunk Low Jarritos', size: '9.5', store: 'Undefeated', profile: 'Amex #2 $500', proxy_list: 'static-isp-4' }
  },
  {
    name: 'a description with "=" separators, code-wrapped values and a total with a currency code',
    post: {
      username: 'Ghost SNKRS',
      embeds: [{
        title: 'Purchased!',
        description: 'Product = Yeezy Boost 350 V2 Bone\nSize = 11\nOrder ID = `ADI-8812003`\nEmail = `acct7@example.com`\n' +
          'Style Code = HQ6316\nTotal = 230.00 USD'
      }]
    },
    orderNumber: 'ADI-8812003',
    order: { product: 'Yeezy Boost 350 V2 Bone', size: '11', sku: 'HQ6316', email: 'acct7@example.com', total: 230, price: 230, currency: 'USD' }
  },
  {
    name: 'underlined and italic labels and values, a spoilered e-mail and a checkout time in a unit of its own',
    post: {
      username: 'Mercury',
      embeds: [{
        author: { name: 'Mercury AIO' },
        title: '✅ Successfully checked out',
        fields: [
          field('__Store__', '*Kith*'), field('__Product__', '_New Balance 990v6 Grey_'), field('__Style ID__', 'U990GR6'),
          field('__Size__', '10'), field('__Order #__', '**#KITH-992811**'), field('__E-mail__', '||m.buyer@example.com||'),
          field('__Checkout Time (s)__', '3.8')
        ]
      }]
    },
    orderNumber: 'KITH-992811',
    order: { product: 'New Balance 990v6 Grey', store: 'Kith', sku: 'U990GR6', size: '10', email: 'm.buyer@example.com' },
    extra: { bot: 'Mercury', checkout_speed: '3.8 s' }
  },
  {
    name: 'a thousands separator in the price, a link in angle brackets and a code span inside a spoiler',
    post: {
      username: 'Refract',
      embeds: [{
        title: 'Order placed',
        fields: [
          field('Retailer', 'Best Buy'), field('Product Title', 'Sony A7 IV Body'), field('Cost', '$2,499.99'),
          field('Order', '[#BBY01-806754321](<https://www.bestbuy.com/profile/ss/orders/806754321>)'),
          field('Profile Name', '||`Chase #1`||'), field('Proxies', 'None')
        ]
      }]
    },
    orderNumber: 'BBY01-806754321',
    order: { product: 'Sony A7 IV Body', store: 'Best Buy', price: 2499.99, profile: 'Chase #1', proxy_list: null }
  }
]

for (const kind of testDatabases()) {
  describe(`bot layouts not in the fixtures (${kind})`, () => {
    let t: TestApp
    beforeAll(async () => { t = await buildTestApp(kind) })
    afterAll(async () => { await t.close() })

    it.each(LAYOUTS.map((layout) => [layout.name, layout] as const))('stores %s', async (_name, layout) => {
      const res = await postDelivery(t.app, JSON.stringify(layout.post), { 'content-type': 'application/json' })
      expect(res.statusCode, res.body).toBe(204)
      const stored = await storedOrder(t, layout.orderNumber)
      expect(stored?.order).toMatchObject({ ...layout.order, status: 'verified', source: 'discord' })
      if (layout.extra !== undefined) expect(stored?.order.extra).toMatchObject(layout.extra)
      if (layout.items !== undefined) expect(stored?.items).toEqual(layout.items)
      if (layout.trackings !== undefined) expect(stored?.trackings).toEqual(layout.trackings)
      expect(await lastDeliveryLog(t)).toMatchObject({ source: 'discord', outcome: 'created', order_number: layout.orderNumber })
    })
  })
}
