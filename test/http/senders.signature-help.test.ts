import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'

const SECRETS = {
  WEBHOOK_SECRET: 'guide-secret-value-1,guide-secret-value-2',
  SHOPIFY_WEBHOOK_SECRET: 'shopify-secret-value',
  WOOCOMMERCE_WEBHOOK_SECRET: 'woo-secret-value',
  STANDARD_WEBHOOKS_SECRET: `whsec_${Buffer.from('standard-webhooks-secret-value').toString('base64')}`,
  WEBHOOK_URL_TOKEN: 'url-token-value'
}

for (const kind of testDatabases()) {
  describe(`signature help (${kind})`, () => {
    it('describes every scheme and the token URL, says which are configured, and shows no secret', async () => {
      const t = await buildTestApp(kind, SECRETS)
      try {
        const res = await t.app.inject('/api/v2/webhooks/signature-help')
        expect(res.statusCode).toBe(200)
        const help = res.json()
        expect(help.schemes).toMatchObject({
          roms: { configured: true, setting: 'WEBHOOK_SECRET', header: 'X-Webhook-Signature' },
          shopify: { configured: true, setting: 'SHOPIFY_WEBHOOK_SECRET', header: 'X-Shopify-Hmac-Sha256' },
          woocommerce: { configured: true, setting: 'WOOCOMMERCE_WEBHOOK_SECRET', header: 'X-WC-Webhook-Signature' },
          standard_webhooks: { configured: true, setting: 'STANDARD_WEBHOOKS_SECRET', headers: ['webhook-id', 'webhook-timestamp', 'webhook-signature'] },
          url_token: { configured: true, setting: 'WEBHOOK_URL_TOKEN', url: '/api/v2/webhooks/orders/{token}' }
        })
        expect(help.schemes.standard_webhooks.signature).toMatch(/id\.timestamp\.body/)
        expect(help.rotation).toMatch(/comma-separated/)
        const secrets = Object.values(SECRETS).flatMap((value) => value.split(','))
        for (const secret of [...secrets, Buffer.from('standard-webhooks-secret-value').toString('base64')]) {
          expect(res.body, secret).not.toContain(secret)
        }
      } finally {
        await t.close()
      }
    })

    it('says which schemes are not configured', async () => {
      const t = await buildTestApp(kind, { SHOPIFY_WEBHOOK_SECRET: 'only-shopify' })
      try {
        const help = (await t.app.inject('/api/v2/webhooks/signature-help')).json()
        expect(help.signature_required).toBe(false)
        expect(Object.fromEntries(Object.entries(help.schemes as Record<string, { configured: boolean }>).map(([name, scheme]) => [name, scheme.configured])))
          .toEqual({ roms: false, shopify: true, woocommerce: false, standard_webhooks: false, url_token: false })
      } finally {
        await t.close()
      }
    })
  })
}

const GUIDE = readFileSync(new URL('../../docs/webhook-setup-guide.md', import.meta.url), 'utf8')

for (const kind of testDatabases()) {
  describe(`signature help's URLs (${kind})`, () => {
    let t: TestApp
    beforeEach(async () => { t = await buildTestApp(kind, {}) })
    afterEach(async () => { await t.close() })

    const help = async (headers: Record<string, string>, remoteAddress = '127.0.0.1'): Promise<{ webhook_url: string, examples: Record<string, string> }> => {
      const res = await t.app.inject({ url: '/api/v2/webhooks/signature-help', headers, remoteAddress })
      expect(res.statusCode).toBe(200)
      return res.json()
    }

    it('shows the guide\'s examples word for word to a request made to localhost:8001', async () => {
      const { examples, webhook_url: url } = await help({ host: 'localhost:8001' })
      expect(url).toBe('http://localhost:8001/api/v2/webhooks/orders')
      for (const example of Object.values(examples)) expect(GUIDE).toContain(example)
    })

    it('posts the examples to the address the request came to, not the guide\'s localhost:8001', async () => {
      const { examples, webhook_url: url } = await help({ host: 'roms.example.net:8710' }, '203.0.113.7')
      expect(url).toBe('http://roms.example.net:8710/api/v2/webhooks/orders')
      for (const example of Object.values(examples)) {
        expect(example).toContain('http://roms.example.net:8710/api/v2/webhooks/orders')
        expect(example).not.toContain('localhost:8001')
      }
    })

    it('believes X-Forwarded-Proto and X-Forwarded-Host from a proxy on this machine only', async () => {
      const forwarded = { host: '127.0.0.1:8710', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'orders.example.com' }
      expect((await help(forwarded)).webhook_url).toBe('https://orders.example.com/api/v2/webhooks/orders')
      expect((await help(forwarded, '203.0.113.7')).webhook_url).toBe('http://127.0.0.1:8710/api/v2/webhooks/orders')
    })

    it('never copies a Host header that is not an address into the examples', async () => {
      const { examples, webhook_url: url } = await help({ host: 'evil.example"; rm -rf ~; echo "' })
      expect(url).not.toContain('evil')
      for (const example of Object.values(examples)) expect(example).not.toContain('rm -rf')
    })
  })
}
