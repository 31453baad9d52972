import { h } from '../dom.ts'
import type { Scheme } from './signature-help.ts'

const NAMES: Record<string, string> = {
  roms: 'ROMS (the guide)',
  shopify: 'Shopify',
  woocommerce: 'WooCommerce',
  standard_webhooks: 'Standard Webhooks',
  url_token: 'Secret URL token'
}

/** Which signature schemes have a secret on this server, and what each sender must send. */
export function schemesTable (schemes: Record<string, Scheme>): HTMLElement {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'schemes' },
    h('thead', {}, h('tr', {}, ...['Scheme', 'Configured', 'Setting', 'Header', 'Signature'].map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, ...Object.entries(schemes).map(([name, scheme]) => h('tr', {},
      h('td', {}, NAMES[name] ?? name),
      h('td', {}, h('span', { class: `badge ${scheme.configured ? 'status-good' : 'status-waiting'}` }, scheme.configured ? 'yes' : 'no')),
      h('td', {}, h('code', {}, scheme.setting)),
      h('td', {}, scheme.header ?? scheme.headers?.join(', ') ?? scheme.url ?? ''),
      h('td', {}, scheme.signature ?? scheme.use ?? '')
    )))
  ))
}
