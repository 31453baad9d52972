import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../helpers/test-app.ts'
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
