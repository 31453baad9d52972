import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { discordReader } from '../../../src/intake/readers/discord-reader.ts'
import { slackReader } from '../../../src/intake/readers/slack-reader.ts'
import { orderReading, testReader } from '../../helpers/test-reader.ts'
import { botLayoutCases } from './discord-bot-layouts.ts'

const fixture: unknown = JSON.parse(readFileSync(new URL('../../fixtures/senders/discord-bot-success.json', import.meta.url), 'utf8'))

const JSON_HEADERS = { 'Content-Type': 'application/json' }

function post (embed: Record<string, unknown>, more: Record<string, unknown> = {}): Record<string, unknown> {
  return { username: 'Checkout Bot', content: null, embeds: [embed], ...more }
}

const field = (name: string, value: string): Record<string, unknown> => ({ name, value, inline: true })

testReader(discordReader, [
  {
    name: 'reads the fixture success post byte for byte as the bot sends it',
    headers: JSON_HEADERS,
    body: fixture,
    expected: {
      kind: 'order',
      patch: {
        orderNumber: '1001',
        fields: {
          product: 'Air Jordan 1 Retro High OG',
          size: '10',
          price: '180.00',
          store: 'Kicks Depot',
          email: 'maya.okafor@example.com',
          profile: 'Main Visa',
          proxyList: 'isp-pool-3',
          quantity: 1,
          orderDate: '2025-03-14T16:41:29.512Z'
        },
        checkoutStatus: 'verified',
        fillIn: true,
        items: [{ title: 'Air Jordan 1 Retro High OG', variant: '10', unitPrice: '180.00' }],
        extra: {
          bot: 'Orion AIO',
          title: 'Successful checkout (Fast)',
          embed_url: 'https://kicks-depot.myshopify.com/61234567890/orders/3f9a1c2e7b5d4a8f9e6c1b2a3d4e5f60/authenticate?key=8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f',
          checkout_speed: '2481 ms'
        }
      }
    }
  },
  ...botLayoutCases,
  {
    name: 'merges a second embed that carries the order number and tracking into the success',
    headers: JSON_HEADERS,
    body: {
      username: 'Split Bot',
      embeds: [
        { title: 'Successful Checkout', fields: [field('Product', 'Dunk Low Panda'), field('Size', '11'), field('Store', 'Nike')] },
        { title: 'Order details', fields: [field('Order Number', 'C01234567890'), field('Tracking', '1Z999AA10123456784'), field('Carrier', 'UPS')] }
      ]
    },
    expected: orderReading('C01234567890', expect.objectContaining({
      product: 'Dunk Low Panda', size: '11', store: 'Nike', trackingNumber: '1Z999AA10123456784', carrier: 'UPS'
    }), { trackings: [{ number: '1Z999AA10123456784', carrier: 'UPS' }] })
  },
  {
    name: 'takes the first successful checkout of a post with several',
    headers: JSON_HEADERS,
    body: {
      username: 'Batch Bot',
      embeds: [
        { title: 'Checkout Failed', fields: [field('Product', 'Samba OG'), field('Reason', 'Card declined')] },
        { title: 'Successful Checkout', fields: [field('Product', 'Gazelle'), field('Order', '#A-1')] },
        { title: 'Successful Checkout', fields: [field('Product', 'Campus 00s'), field('Order', '#A-2')] }
      ]
    },
    expected: orderReading('A-1', expect.objectContaining({ product: 'Gazelle' }))
  },
  {
    name: 'reads a card decline as declined, with what the task carried and the reason',
    headers: JSON_HEADERS,
    body: post({
      title: '❌ Card Declined',
      fields: [
        field('Store', 'Shoe Palace'), field('Product', 'Jordan 11 Retro Gamma Blue'), field('Size', '9'),
        field('Profile', '||Amex #2 $500||'), field('Proxy List', '||DC-US||'), field('Reason', 'Insufficient funds'),
        field('Mode', 'Fast')
      ]
    }),
    expected: {
      kind: 'declined',
      summary: {
        bot: 'Checkout Bot',
        title: '❌ Card Declined',
        store: 'Shoe Palace',
        product: 'Jordan 11 Retro Gamma Blue',
        size: '9',
        profile: 'Amex #2 $500',
        proxy_list: 'DC-US',
        reason: 'Insufficient funds',
        mode: 'Fast'
      }
    }
  },
  {
    name: 'reads a "Payment Failed" status field as declined, the status as the reason',
    headers: JSON_HEADERS,
    body: post({ title: 'Checkout', fields: [field('Status', 'Payment Failed'), field('Site', 'Kith'), field('Item', 'Samba OG')] }),
    expected: { kind: 'declined', summary: expect.objectContaining({ reason: 'Payment Failed', store: 'Kith', product: 'Samba OG' }) as Record<string, unknown> }
  },
  {
    name: 'reads "Unsuccessful Checkout" as declined, not as a success',
    headers: JSON_HEADERS,
    body: post({ title: 'Unsuccessful Checkout', fields: [field('Product', 'Air Max 1'), field('Order', '123')] }),
    expected: { kind: 'declined', summary: expect.objectContaining({ reason: 'Unsuccessful Checkout' }) as Record<string, unknown> }
  },
  ...[['Order Not Placed'], ['Checkout Errored'], ['Checkout Cancelled by user'], ['Order not confirmed']].map(([title]) => ({
    name: `reads "${title ?? ''}" as declined, though it holds a success word or none of the decline words as written`,
    headers: JSON_HEADERS,
    body: post({ title, fields: [field('Product', 'Air Max 1'), field('Order', 'XD-1')] }),
    expected: { kind: 'declined' as const, summary: expect.objectContaining({ product: 'Air Max 1' }) as Record<string, unknown> }
  })),
  {
    name: 'reads a failure the message says as a label line ("Checkout failed: card declined") beside a neutral embed',
    headers: JSON_HEADERS,
    body: { username: 'Balko', content: 'Checkout failed: card declined', embeds: [{ title: 'Walmart', fields: [field('Product', 'PS5'), field('Order ID', 'BD-8')] }] },
    expected: { kind: 'declined', summary: expect.objectContaining({ product: 'PS5' }) as Record<string, unknown> }
  },
  {
    name: 'keeps a neutral checkout with a count of errors as a checkout',
    headers: JSON_HEADERS,
    body: post({ title: 'Walmart', fields: [field('Product', 'PS5'), field('Order ID', 'BD-9'), field('Errors', '0'), field('Error Count', '2')] }),
    expected: orderReading('BD-9', expect.objectContaining({ product: 'PS5' }), { checkoutStatus: 'verified' })
  },
  {
    name: 'gives the one item the price a total alone told',
    headers: JSON_HEADERS,
    body: post({ title: 'Successful checkout', fields: [field('Product', 'Supreme Box Logo'), field('Size', 'L'), field('Total', '£148.00'), field('Order', 'ST-42')] }),
    expected: orderReading('ST-42', expect.objectContaining({ price: '148.00', total: '148.00' }), {
      items: [{ title: 'Supreme Box Logo', variant: 'L', unitPrice: '148.00' }]
    })
  },
  {
    name: 'takes a decline\'s reason from its description when no field names one',
    headers: JSON_HEADERS,
    body: post({ title: 'Declined', description: 'Card was declined by the bank' }),
    expected: { kind: 'declined', summary: { bot: 'Checkout Bot', title: 'Declined', reason: 'Card was declined by the bank' } }
  },
  {
    name: 'takes an order total for two as the total only, not as the unit price',
    headers: JSON_HEADERS,
    body: post({ title: 'Successful Checkout', fields: [field('Order', '7788'), field('Order Total', '$1,299.99'), field('Quantity', '2x')] }),
    expected: orderReading('7788', { total: '1,299.99', quantity: '2' }, { checkoutStatus: 'verified' })
  },
  {
    name: 'keeps a price with no product as the order\'s price, without inventing an item',
    headers: JSON_HEADERS,
    body: post({ title: 'Successful Checkout', fields: [field('Order', '[#1234](https://example.com/orders/1234)'), field('Price', 'USD 1,299.00')] }),
    expected: orderReading('1234', { price: '1,299.00', currency: 'USD' }, { checkoutStatus: 'verified', extra: { bot: 'Checkout Bot', title: 'Successful Checkout' } })
  },
  {
    name: 'answers a bot\'s test webhook as a test',
    headers: JSON_HEADERS,
    body: post({ title: 'Test Webhook', description: 'Your webhook is working!' }),
    expected: { kind: 'test', summary: { bot: 'Checkout Bot', title: 'Test Webhook', message: 'Your webhook is working!' } }
  },
  {
    name: 'answers a test that shows sample order data as a test, recording no order',
    headers: JSON_HEADERS,
    body: post({ title: 'Webhook Test', fields: [field('Product', 'Sample Sneaker'), field('Order #', '000000'), field('Size', '10')] }),
    expected: { kind: 'test', summary: expect.objectContaining({ order_number: '000000', product: 'Sample Sneaker' }) as Record<string, unknown> }
  },
  {
    name: 'answers a bare message with no order data as a test',
    headers: JSON_HEADERS,
    body: { username: 'My Bot', content: 'This is a test from My Bot :)' },
    expected: { kind: 'test', summary: { bot: 'My Bot', message: 'This is a test from My Bot :)' } }
  },
  {
    name: 'answers an empty embed list as a test',
    headers: JSON_HEADERS,
    body: { username: 'My Bot', content: 'hello', embeds: [] },
    expected: { kind: 'test', summary: { bot: 'My Bot', message: 'hello' } }
  },
  {
    name: 'refuses a successful checkout without an order number, naming the fields it found',
    headers: JSON_HEADERS,
    body: post({ title: 'Successful Checkout', fields: [field('Product', 'Jordan 4'), field('Size', '10'), field('Checkout Speed', '1.2s')] }),
    error: { code: 'ORDER_NUMBER_MISSING', field: 'order_number', message: /successful checkout.*found: Product, Size, Checkout Speed/ }
  },
  {
    name: 'treats a placeholder order number as missing',
    headers: JSON_HEADERS,
    body: post({ title: 'Successful Checkout', fields: [field('Product', 'Jordan 4'), field('Order Number', 'N/A')] }),
    error: { code: 'ORDER_NUMBER_MISSING', field: 'order_number' }
  },
  ...['TBD', 'Pending', '#0', '000', 'XXXX'].map((written) => ({
    name: `refuses an order number that says ${written}, a number not given yet, so checkouts do not merge under it`,
    headers: JSON_HEADERS,
    body: post({ title: 'Successful Checkout', fields: [field('Product', 'Jordan 4'), field('Order Number', written)] }),
    error: { code: 'ORDER_NUMBER_MISSING', field: 'order_number', message: new RegExp(`order number says "${written}", not a number yet`) }
  })),
  {
    name: 'takes a post that names no outcome but carries an order number for a checkout',
    headers: JSON_HEADERS,
    body: post({ title: 'Kith', fields: [field('Product', 'Kith x New Balance 990v6'), field('Order No.', 'KT-99812')] }),
    expected: orderReading('KT-99812', expect.objectContaining({ product: 'Kith x New Balance 990v6' }), { checkoutStatus: 'verified' })
  },
  {
    name: 'refuses a post that names no outcome and has no order number, such as a restock monitor',
    headers: JSON_HEADERS,
    body: post({ title: 'Restock', fields: [field('Product', 'Jordan 4'), field('Sizes', '8, 9, 10'), field('Price', '$210')] }),
    error: { code: 'ORDER_NUMBER_MISSING', field: 'order_number', message: /neither a checkout/ }
  },
  {
    name: 'does not claim the guide\'s generic order even when it has embeds',
    headers: JSON_HEADERS,
    body: { order_number: '1', embeds: [] },
    matches: false
  },
  {
    name: 'does not claim plain JSON without embeds or the execute-webhook shape',
    headers: JSON_HEADERS,
    body: { content: 'Successful Checkout', product: 'Jordan 4' },
    matches: false
  },
  {
    name: 'reads a post that is only its content, without a bot name or avatar, as Execute Webhook allows',
    headers: JSON_HEADERS,
    body: { content: 'Successful checkout!\nOrder: TXT-2\nProduct: Dunk Low\nSize: OS\nPrice: $100' },
    expected: orderReading('TXT-2', expect.objectContaining({ product: 'Dunk Low', size: 'OS', price: '100', quantity: 1 }), { checkoutStatus: 'verified' })
  },
  ...[['in_transit', 'shipped'], ['IN-TRANSIT', 'shipped'], ['Fulfilled', 'shipped'], ['OUT_FOR_DELIVERY', 'shipped'], ['Refunded', 'refunded']].map(([word, status]) => ({
    name: `takes a Status field of ${word ?? ''}, as code writes statuses, for news that the order was ${status ?? ''}`,
    headers: JSON_HEADERS,
    body: post({ title: 'Order Update', fields: [field('Order Number', 'ST-1'), field('Status', word ?? '')] }),
    expected: { kind: 'order' as const, patch: { orderNumber: 'ST-1', existingOnly: true, fields: { status, trackingNumber: undefined, carrier: undefined } } }
  })),
  {
    name: 'reads a French checkout post by its French field names',
    headers: JSON_HEADERS,
    body: post({ title: 'Commande réussie', fields: [field('N° de commande', 'FR-9'), field('Produit', 'Air Max 90'), field('Taille', 'EU 42'), field('Prix', '129,99 €'), field('Quantité', 'x2'), field('Boutique', 'Courir')] }),
    expected: orderReading('FR-9', expect.objectContaining({ product: 'Air Max 90', size: 'EU 42', price: '129,99', currency: 'EUR', quantity: '2', store: 'Courir' }), { checkoutStatus: 'verified' })
  },
  {
    name: 'takes a German post saying the payment was refused for a decline, though it shows an order number',
    headers: JSON_HEADERS,
    body: post({ title: 'Zahlung abgelehnt', fields: [field('Bestellnummer', 'DE-77'), field('Produkt', 'Samba OG'), field('Größe', '44')] }),
    expected: { kind: 'declined', summary: expect.objectContaining({ order_number: 'DE-77', product: 'Samba OG', size: '44' }) }
  },
  {
    name: 'keeps only the address of the account a decline names as "email:password", never the password',
    headers: JSON_HEADERS,
    body: post({ title: 'Checkout Failed', fields: [field('Product', 'Dunk'), field('Account', 'john@example.com:hunter2'), field('Reason', 'Card declined')] }),
    expected: { kind: 'declined', summary: expect.objectContaining({ email: 'john@example.com', reason: 'Card declined' }) }
  },
  {
    name: 'takes a French shipping post for news that the order shipped',
    headers: JSON_HEADERS,
    body: post({ title: 'Commande expédiée', fields: [field('Commande', 'FR-9'), field('Suivi', 'x')] }),
    expected: expect.objectContaining({ kind: 'order', patch: expect.objectContaining({ orderNumber: 'FR-9', existingOnly: true }) })
  },
  {
    name: 'reads an order number written as a link that names no number from the link\'s URL',
    headers: JSON_HEADERS,
    body: post({ title: 'Successful Checkout', fields: [field('Order', '||[View Order](https://www.nike.com/orders/details/C01234567)||'), field('Product', 'Dunk')] }),
    expected: orderReading('C01234567', expect.objectContaining({ product: 'Dunk' }), { checkoutStatus: 'verified' })
  },
  {
    name: 'reads the number of a link to an order page from its query',
    headers: JSON_HEADERS,
    body: post({ title: 'Successful Checkout', fields: [field('Order Number', '[Click here](https://shop.example.com/account/order?orderId=99812&lang=en)'), field('Product', 'Dunk')] }),
    expected: orderReading('99812', expect.objectContaining({ product: 'Dunk' }), { checkoutStatus: 'verified' })
  },
  ...['[View Order](https://www.walmart.com/orders)', 'View Order', 'Click here'].map((written) => ({
    name: `refuses an order number ${written}, which names no number, rather than merge every such checkout into one order`,
    headers: JSON_HEADERS,
    body: post({ title: 'Successful Checkout', fields: [field('Order', written), field('Product', 'Dunk')] }),
    error: { code: 'ORDER_NUMBER_MISSING', field: 'order_number' }
  })),
  {
    name: 'takes the order number a title gives when no field does',
    headers: JSON_HEADERS,
    body: post({ title: 'Successful Checkout - Order #W-5501', fields: [field('Product', 'Samba OG'), field('Size', '9')] }),
    expected: orderReading('W-5501', expect.objectContaining({ product: 'Samba OG', size: '9' }), { checkoutStatus: 'verified' })
  },
  {
    name: 'takes the order number of a shipping post from its title',
    headers: JSON_HEADERS,
    body: post({ title: 'Order 1234567 has shipped', fields: [field('Tracking', '1Z999AA10123456784'), field('Carrier', 'UPS')] }),
    expected: expect.objectContaining({ kind: 'order', patch: expect.objectContaining({ orderNumber: '1234567', existingOnly: true }) })
  },
  {
    name: 'finds no order number in a title that names none ("Order Confirmed")',
    headers: JSON_HEADERS,
    body: post({ title: 'Order Confirmed', fields: [field('Product', 'Dunk'), field('Size', '10')] }),
    error: { code: 'ORDER_NUMBER_MISSING', field: 'order_number' }
  },
  {
    name: 'reads a Japanese checkout post by its Japanese field names, its yen price naming JPY',
    headers: JSON_HEADERS,
    body: post({ title: '購入成功', fields: [field('サイト', 'Nike JP'), field('商品名', 'Air Max 1'), field('サイズ', '27.0cm'), field('価格', '¥19,800'), field('数量', '1'), field('注文番号', 'JP-12345'), field('プロフィール', 'メイン')] }),
    expected: orderReading('JP-12345', expect.objectContaining({ product: 'Air Max 1', size: '27.0cm', price: '19,800', currency: 'JPY', quantity: '1', store: 'Nike JP', profile: 'メイン' }), { checkoutStatus: 'verified' })
  },
  {
    name: 'reads a Japanese post in label lines with full-width colons',
    headers: JSON_HEADERS,
    body: post({ title: 'チェックアウト成功', description: '注文番号：JP-2\n商品：Dunk Low\nサイズ：26.5' }),
    expected: orderReading('JP-2', expect.objectContaining({ product: 'Dunk Low', size: '26.5' }), { checkoutStatus: 'verified' })
  },
  {
    name: 'takes a Japanese post saying the purchase failed for a decline',
    headers: JSON_HEADERS,
    body: post({ title: '購入失敗', fields: [field('商品', 'Air Max 1'), field('サイズ', '27.0cm'), field('理由', 'カードが拒否されました')] }),
    expected: { kind: 'declined', summary: expect.objectContaining({ product: 'Air Max 1', size: '27.0cm', reason: 'カードが拒否されました' }) }
  },
  {
    name: 'takes a Japanese shipping post for news that the order shipped, and a Japanese test for a test',
    headers: JSON_HEADERS,
    body: post({ title: '発送完了', fields: [field('注文番号', 'JP-12345'), field('追跡番号', '123456789012')] }),
    expected: expect.objectContaining({ kind: 'order', patch: expect.objectContaining({ orderNumber: 'JP-12345', existingOnly: true }) })
  },
  {
    name: 'takes a Japanese webhook test for a test',
    headers: JSON_HEADERS,
    body: post({ title: 'Webhookテスト', description: 'これはテストです' }),
    expected: expect.objectContaining({ kind: 'test' })
  }
])

testReader(slackReader, [
  {
    name: 'reads a checkout posted to a Slack webhook as legacy attachments with fields',
    headers: JSON_HEADERS,
    body: {
      username: 'Valor',
      text: 'New checkout',
      attachments: [{
        color: '#36a64f',
        title: 'Successful Checkout',
        title_link: 'https://example.com/order',
        fields: [{ title: 'Order', value: 'SL-1', short: true }, { title: 'Product', value: '<https://example.com/p|Jordan 1 High>' }, { title: 'Size', value: 'US 10.5' }, { title: 'Price', value: '$1,299.99' }],
        footer: 'Valor AIO',
        ts: 1764500000
      }]
    },
    expected: orderReading('SL-1', expect.objectContaining({ product: 'Jordan 1 High', size: 'US 10.5', price: '1,299.99', quantity: 1, orderDate: '2025-11-30T10:53:20.000Z' }), { checkoutStatus: 'verified' })
  },
  {
    name: 'reads a checkout posted as Block Kit blocks, a label and its value on two lines of a field',
    headers: JSON_HEADERS,
    body: {
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Successful Checkout' } },
        { type: 'section', fields: [{ type: 'mrkdwn', text: '*Order:*\nSB-1' }, { type: 'mrkdwn', text: '*Product:*\nJordan 4' }, { type: 'mrkdwn', text: '*Price:*\n$250' }] },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Store: Footsites' }] }
      ]
    },
    expected: orderReading('SB-1', expect.objectContaining({ product: 'Jordan 4', price: '250', store: 'Footsites' }), { checkoutStatus: 'verified' })
  },
  {
    name: 'takes a Slack post saying the payment was declined for a decline',
    headers: JSON_HEADERS,
    body: { attachments: [{ title: 'Payment Declined', fields: [{ title: 'Product', value: 'Dunk Low' }, { title: 'Size', value: 'M' }] }] },
    expected: { kind: 'declined', summary: expect.objectContaining({ product: 'Dunk Low', size: 'M' }) }
  },
  {
    name: 'reads a Slack post of text alone',
    headers: JSON_HEADERS,
    body: { username: 'Bot', icon_emoji: ':shopping_bags:', text: '*Successful checkout*\nOrder: ST-5\nProduct: Samba\nSize: EU 44' },
    expected: orderReading('ST-5', expect.objectContaining({ product: 'Samba', size: 'EU 44' }), { checkoutStatus: 'verified' })
  },
  {
    name: 'does not claim the guide\'s generic order that carries attachments',
    headers: JSON_HEADERS,
    body: { order_number: '1', attachments: [{ url: 'x' }] },
    matches: false
  },
  {
    name: 'does not claim a script\'s order named by another spelling of the order number, with attachments of its own',
    headers: JSON_HEADERS,
    body: { 'Order ID': 'Z-77', attachments: [{ title: 'invoice.pdf', url: 'https://example.com/i.pdf' }] },
    matches: false
  },
  {
    name: 'does not claim a body whose attachments are files, not messages',
    headers: JSON_HEADERS,
    body: { reference: 'R-1', attachments: [{ url: 'https://example.com/i.pdf', size: 1234 }] },
    matches: false
  }
])

describe('hostile bot posts', () => {
  it.each([
    ['a title of "Order" and a long run of spaces', post({ title: `Order${' '.repeat(20000)}!`, fields: [field('Product', 'Dunk')] })],
    ['an order number of a long run of "["', post({ title: 'Success', fields: [field('Order', '['.repeat(20000))] })]
  ])('reads %s in linear time', (_name, body) => {
    const started = performance.now()
    // Refused or read, what matters here is how long it took.
    const outcome = ((): unknown => { try { return discordReader.read({ headers: JSON_HEADERS, body }) } catch (error) { return error } })()
    expect(outcome).toBeDefined()
    // Backtracking took over 20 s on the first and 6 s on the second.
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
