import { h } from '../dom.ts'
import { routeHref } from '../router.ts'

/** A recognisable order that shows the pipeline end to end: it is stored and appears in Orders like any other. */
export function testOrderBody (now = new Date()): string {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14)
  return JSON.stringify({
    order_number: `TEST-${stamp}`,
    product: 'ROMS test order',
    size: '10',
    store: 'ROMS setup page',
    price: '1.00',
    quantity: 1,
    status: 'pending',
    customer_name: 'Test Customer',
    email: 'test@example.com'
  })
}

/** hex(HMAC-SHA256(secret, body)), the guide's X-Webhook-Signature, computed in the browser: the secret never leaves it. */
export async function signHex (secret: string, body: string): Promise<string> {
  const encoder = new TextEncoder()
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body)))
  return Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

export async function sendTestOrder (url: string, secret: string): Promise<HTMLElement> {
  const body = testOrderBody()
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (secret !== '') headers['x-webhook-signature'] = await signHex(secret, body)
  const response = await fetch(url, { method: 'POST', headers, body })
  const answer = await response.json().catch(() => ({})) as { order_id?: number, order_number?: string, action?: string, error?: { message?: string } }
  if (!response.ok) return h('p', { class: 'notice error' }, `The server answered ${response.status}: ${answer.error?.message ?? 'no message'}`)
  return h('p', { class: 'notice ok' }, `Answered ${response.status} (${answer.action ?? 'received'}). `,
    answer.order_id === undefined ? '' : h('a', { href: routeHref(['orders', answer.order_id]) }, `Open ${answer.order_number ?? 'the order'}`))
}
