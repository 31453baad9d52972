import { createHmac } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runRoms } from './run-roms.ts'

// Bytes a re-serialiser would change: spacing, an escaped slash, a non-ASCII name, no final newline.
const BODY = '{"order_number": "A-1001", "store": "https:\\/\\/shop.example", "customer_name": "Zoë"}'
const file = join(mkdtempSync(join(tmpdir(), 'roms-sign-')), 'order.json')
writeFileSync(file, BODY)

function hmac (key: string | Buffer, data: string, encoding: 'hex' | 'base64'): string {
  return createHmac('sha256', key).update(data).digest(encoding)
}

describe('roms sign', () => {
  it('prints the hex X-Webhook-Signature of the exact bytes for the roms scheme', async () => {
    const { code, stdout } = await runRoms(['sign', '--secret', 'guide-secret', file])
    expect(code).toBe(0)
    expect(stdout).toBe(`X-Webhook-Signature: ${hmac('guide-secret', BODY, 'hex')}\n`)
  })

  it('prints the base64 Shopify and WooCommerce headers', async () => {
    const shopify = await runRoms(['sign', '--scheme', 'shopify', '--secret', 'shpss_1', file])
    expect(shopify.stdout).toBe(`X-Shopify-Hmac-Sha256: ${hmac('shpss_1', BODY, 'base64')}\n`)
    const woo = await runRoms(['sign', '--scheme', 'woocommerce', '--secret', 'wc-secret', file])
    expect(woo.stdout).toBe(`X-WC-Webhook-Signature: ${hmac('wc-secret', BODY, 'base64')}\n`)
  })

  it('prints the three Standard Webhooks headers, signed over id.timestamp.body with the decoded key', async () => {
    const key = Buffer.from('standard-webhooks-key-32-bytes!!')
    const secret = `whsec_${key.toString('base64')}`
    const { code, stdout } = await runRoms(['sign', '--scheme', 'standard', '--secret', secret, '--id', 'msg_1', '--timestamp', '1764300000', file])
    expect(code).toBe(0)
    expect(stdout).toBe([
      'webhook-id: msg_1',
      'webhook-timestamp: 1764300000',
      `webhook-signature: v1,${hmac(key, `msg_1.1764300000.${BODY}`, 'base64')}`,
      ''
    ].join('\n'))
  })

  it('gives Standard Webhooks a fresh id and the current time by default', async () => {
    const key = Buffer.from('another key')
    const before = Math.floor(Date.now() / 1000)
    const { stdout } = await runRoms(['sign', '--scheme', 'standard', '--json', file], { env: { STANDARD_WEBHOOKS_SECRET: `whsec_${key.toString('base64')}` } })
    const { headers } = JSON.parse(stdout) as { headers: Record<string, string> }
    const id = headers['webhook-id'] ?? ''
    const timestamp = headers['webhook-timestamp'] ?? ''
    expect(id).toMatch(/^msg_[0-9a-f]{32}$/)
    expect(Number(timestamp)).toBeGreaterThanOrEqual(before)
    expect(headers['webhook-signature']).toBe(`v1,${hmac(key, `${id}.${timestamp}.${BODY}`, 'base64')}`)
  })

  it('signs stdin with the secret from the environment', async () => {
    const { code, stdout } = await runRoms(['sign', '-'], { env: { WEBHOOK_SECRET: 'from-env,second' }, stdin: BODY })
    expect(code).toBe(0)
    expect(stdout).toBe(`X-Webhook-Signature: ${hmac('from-env', BODY, 'hex')}\n`)
  })

  it('exits 2 with a hint when there is no secret, or the scheme is unknown', async () => {
    const missing = await runRoms(['sign', file])
    expect(missing.code).toBe(2)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toContain('WEBHOOK_SECRET')
    const unknown = await runRoms(['sign', '--scheme', 'stripe', '--secret', 's', file])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('--scheme must be one of roms, shopify, woocommerce, standard')
  })
})
