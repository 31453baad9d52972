import { expect } from 'vitest'
import type { RawOrderPatch } from '../../../src/orders/order-patch.ts'
import { orderReading, type ReaderCase } from '../../helpers/test-reader.ts'

/**
 * Success posts laid out the way real checkout bots lay theirs out (names of bots, made-up data): each bot names its
 * fields its own way, puts them in fields or in the description, and wraps values in markdown.
 */
const headers = { 'Content-Type': 'application/json' }
const f = (name: string, value: string, inline = true): Record<string, unknown> => ({ name, value, inline })
const at = '2025-06-06T15:00:02.000Z'

function layout (bot: string, body: Record<string, unknown>, orderNumber: string, fields: RawOrderPatch['fields'], more: Partial<RawOrderPatch> = {}): ReaderCase {
  return { name: `reads a ${bot}-style success post`, headers, body, expected: orderReading(orderNumber, fields, { checkoutStatus: 'verified', ...more }) }
}

export const botLayoutCases: ReaderCase[] = [
  layout('Cybersole', {
    username: 'Cybersole',
    embeds: [{
      title: 'Successful Checkout!',
      color: 3066993,
      timestamp: at,
      fields: [
        f('Store', 'Footsites US'), f('Product (1)', 'Nike Air Force 1 \'07'), f('Size (1)', '10'), f('Price (1)', '$115.00'),
        f('Qty (1)', '1'), f('Product (2)', 'Nike Everyday Cushioned Socks'), f('Size (2)', 'L'), f('Price (2)', '$22.00'),
        f('Qty (2)', '2'), f('Order Number', 'P2345678901'), f('Profile', '||Chase 1||'), f('Proxy List', '||Cyber ISP||'),
        f('Mode', 'Safe')
      ],
      footer: { text: 'Cybersole v5' }
    }]
  }, 'P2345678901', {
    product: 'Nike Air Force 1 \'07 + 1 more',
    quantity: 3,
    store: 'Footsites US',
    profile: 'Chase 1',
    proxyList: 'Cyber ISP',
    orderDate: at
  }, {
    items: [
      { title: 'Nike Air Force 1 \'07', variant: '10', quantity: '1', unitPrice: '115.00' },
      { title: 'Nike Everyday Cushioned Socks', variant: 'L', quantity: '2', unitPrice: '22.00' }
    ],
    extra: { bot: 'Cybersole', title: 'Successful Checkout!', mode: 'Safe' }
  }),
  layout('Wrath', {
    avatar_url: 'https://example.com/wrath.png',
    embeds: [{
      author: { name: 'Wrath AIO' },
      title: 'Checkout Success 🎉',
      fields: [
        f('Site', 'Supreme EU'), f('Product', 'Box Logo Hooded Sweatshirt'), f('Size', 'Medium'), f('Order', '#EU-775120'),
        f('Profile', 'Revolut'), f('Mode', 'Preload'), f('Proxy List', 'eu-resi'), f('Checkout Time', '3.41s')
      ],
      footer: { text: 'Wrath AIO v3.9' }
    }]
  }, 'EU-775120', {
    product: 'Box Logo Hooded Sweatshirt',
    size: 'Medium',
    store: 'Supreme EU',
    profile: 'Revolut',
    proxyList: 'eu-resi',
    quantity: 1
  }, { extra: { bot: 'Wrath AIO v3.9', title: 'Checkout Success 🎉', mode: 'Preload', checkout_speed: '3.41s' } }),
  layout('Kodai', {
    username: 'Kodai',
    embeds: [{
      title: 'Successfully checked out!',
      fields: [
        f('Website', 'Shopify - DTLR'), f('Product Name', 'New Balance 9060 Sea Salt'), f('Shoe Size', '8.5'),
        f('Order ID', '||#DTLR-1029384||'), f('Billing Profile', '||Amex Gold||'), f('Proxy LIst', '||kodai-dc||'),
        f('Task Mode', 'Fast'), f('Account', '||buyer+kodai@example.com||')
      ]
    }]
  }, 'DTLR-1029384', expect.objectContaining({
    product: 'New Balance 9060 Sea Salt',
    size: '8.5',
    store: 'Shopify - DTLR',
    profile: 'Amex Gold',
    proxyList: 'kodai-dc',
    email: 'buyer+kodai@example.com'
  }), { extra: expect.objectContaining({ mode: 'Fast' }) }),
  layout('Valor', {
    username: 'Valor',
    embeds: [{
      title: '✅ Order Placed',
      fields: [
        f('🛒 Item', 'Jordan 1 Low OG Black Toe'), f('📏 Size', '11'), f('🏬 Store', 'Snipes'), f('🔢 Order #', '`SNP-44120`'),
        f('💳 Profile', 'Main'), f('🌐 Proxy', 'localhost'), f('⚡ Speed', '812ms'), f('💰 Price', '€140,00')
      ]
    }]
  }, 'SNP-44120', expect.objectContaining({
    product: 'Jordan 1 Low OG Black Toe',
    size: '11',
    store: 'Snipes',
    price: '140,00',
    currency: 'EUR',
    proxyList: 'localhost'
  }), { extra: expect.objectContaining({ checkout_speed: '812ms' }) }),
  layout('Prism', {
    username: 'Prism',
    embeds: [{
      title: 'Prism • Successful Checkout',
      fields: [
        f('Retailer', 'END. Clothing'), f('Product Name', 'Salomon XT-6'), f('Shoe Size', 'UK 9'), f('Order No', 'END-8812231'),
        f('Billing', 'Monzo'), f('Proxy Details', 'uk-isp-1'), f('Checkout Speed', '2.2s'), f('Price', '£160.00')
      ]
    }]
  }, 'END-8812231', expect.objectContaining({ store: 'END. Clothing', price: '160.00', currency: 'GBP', profile: 'Monzo', proxyList: 'uk-isp-1' })),
  layout('NSB', {
    username: 'Nike Shoe Bot',
    content: '@everyone',
    embeds: [{
      title: 'NSB',
      description: '**Checked Out!**',
      fields: [
        f('Product', 'Air Max 1 \'86 OG'), f('Size', '9'), f('Store', 'Nike US'), f('Order Number', 'C00987654321'),
        f('Email', 'nsb.acct1@example.com'), f('Profile', 'Citi'), f('Proxy', 'nike-resi'), f('Region', 'US')
      ]
    }]
  }, 'C00987654321', expect.objectContaining({ product: 'Air Max 1 \'86 OG', email: 'nsb.acct1@example.com' }), {
    extra: { bot: 'Nike Shoe Bot', title: 'NSB', Region: 'US' }
  }),
  layout('Balko', {
    username: 'Balko',
    embeds: [{
      title: 'Checked Out',
      fields: [
        f('**Site**', 'Hibbett'), f('**Product**', 'Jordan 5 Retro Olive'), f('**Size**', '10'), f('**Order**', '`#BK-5531`'),
        f('**Profile**', 'Discover'), f('**Proxies**', 'hibbett-isp'), f('**Mode**', 'Normal'), f('**Price**', '$110.00 USD')
      ]
    }]
  }, 'BK-5531', expect.objectContaining({ store: 'Hibbett', price: '110.00', currency: 'USD', proxyList: 'hibbett-isp' })),
  layout('MEKpreme', {
    username: 'MEKpreme',
    embeds: [{
      title: 'Successful Checkout',
      fields: [
        f('Store', 'Supreme US'), f('Product', 'Tagless Tees (3 Pack)'), f('Style Code', 'SS25T1'), f('Size', 'Large'),
        f('Quantity', 'x2'), f('Total', '$120.00'), f('Order Number', '#SUP-100200'), f('Profile', 'Amex #2 $500'),
        f('Checkout Time (ms)', '1894')
      ]
    }]
  }, 'SUP-100200', {
    product: 'Tagless Tees (3 Pack)',
    size: 'Large',
    sku: 'SS25T1',
    quantity: '2',
    total: '120.00',
    store: 'Supreme US',
    profile: 'Amex #2 $500'
  }, { extra: { bot: 'MEKpreme', title: 'Successful Checkout', checkout_speed: '1894 ms' } }),
  layout('Stellar (description)', {
    username: 'Stellar AIO',
    embeds: [{
      title: 'Stellar AIO',
      description: [
        '**Successful Checkout**', '**Product:** [Jordan 4 Retro \'Bred Reimagined\'](https://example.com/p)', '**Size:** 10.5',
        '**Store:** Foot Locker', '**Order #:** P7788123', '**Profile:** ||Chase Sapphire||', '**Proxy List:** ||resi-us||',
        '**Price:** $215.00'
      ].join('\n')
    }]
  }, 'P7788123', {
    product: 'Jordan 4 Retro \'Bred Reimagined\'',
    size: '10.5',
    price: '215.00',
    store: 'Foot Locker',
    profile: 'Chase Sapphire',
    proxyList: 'resi-us',
    quantity: 1
  }),
  layout('AYCD-like (quoted description, value on the next line)', {
    username: 'AYCD',
    embeds: [{
      author: { name: 'Checkout Success' },
      description: '> **Order #**\n> 556677\n> **Product**: Yeezy Slide Onyx\n- Size: 9 | Price: $70 | Qty: 1\n> Task Group: Adidas Drop\n> Time: 10:32'
    }]
  }, '556677', {
    product: 'Yeezy Slide Onyx',
    size: '9',
    price: '70',
    quantity: '1'
  }, { extra: { bot: 'AYCD', 'Task Group': 'Adidas Drop', Time: '10:32' } }),
  layout('Hayha (message text, no embed)', {
    username: 'Hayha',
    content: 'Successful Checkout\nProduct: Dunk Low Grey Fog\nSize: 10\nOrder: 555-1212\nStore: Kith\nTracking #: 9400111899223344556677'
  }, '555-1212', expect.objectContaining({
    product: 'Dunk Low Grey Fog',
    store: 'Kith',
    trackingNumber: '9400111899223344556677'
  }), { trackings: [{ number: '9400111899223344556677' }] }),
  layout('Ganesh (details in one field)', {
    username: 'Ganesh',
    embeds: [{
      title: 'Success',
      fields: [f('Checkout Details', 'Product: Travis Scott Jordan 1 Low\nSize: 9.5\nOrder Number: GS-7788\nProfile: Capital One'), f('\u200b', '\u200b')]
    }]
  }, 'GS-7788', expect.objectContaining({ product: 'Travis Scott Jordan 1 Low', size: '9.5', profile: 'Capital One' })),
  layout('Polaris (arrow separators, escaped markdown)', {
    username: 'Polaris',
    embeds: [{
      title: 'Order Confirmed',
      description: 'Item » Air Jordan 3 White Cement\nShoe Size » 12\nOrder ID » PL\\_00912\nProfile » Amex \\#2\nWebsite » Finish Line'
    }]
  }, 'PL_00912', expect.objectContaining({ product: 'Air Jordan 3 White Cement', size: '12', profile: 'Amex #2', store: 'Finish Line' })),
  layout('one-line message (headline, then pipe-separated labels)', {
    username: 'Refract',
    content: '**Checkout Success** | Site: Walmart | Product: PS5 Slim | Price: $499.99 | Order: 200012345678'
  }, '200012345678', expect.objectContaining({ product: 'PS5 Slim', store: 'Walmart', price: '499.99' }))
]
