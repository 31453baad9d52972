import { getJson } from '../api.ts'
import { h } from '../dom.ts'

interface StoredDelivery {
  headers: Record<string, string>
  raw_body: string
  raw_body_encoding: 'utf8' | 'base64'
}

/**
 * The raw body and headers as stored (secrets redacted by the server), shown as text and not re-formatted: the exact
 * bytes are what a signature was computed over, and JSON.parse would round platform ids above 2^53.
 */
export function deliveryBody (id: number): HTMLElement {
  const element = h('div', { class: 'raw-delivery' }, h('p', { class: 'muted' }, 'Loading…'))
  getJson<{ log: StoredDelivery }>(`/api/v2/webhooks/logs/${id}`).then(({ log }) => {
    const headers = Object.entries(log.headers).map(([name, value]) => `${name}: ${value}`).join('\n')
    element.replaceChildren(
      h('h4', {}, 'Headers'),
      h('pre', {}, headers),
      h('h4', {}, log.raw_body_encoding === 'base64' ? 'Body (binary, base64)' : 'Body'),
      h('pre', { 'data-testid': 'raw-body' }, log.raw_body)
    )
  }, (error: unknown) => {
    element.replaceChildren(h('p', { class: 'error' }, `Could not load delivery #${id}: ${String(error)}`))
  })
  return element
}
