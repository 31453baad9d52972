import { h } from '../dom.ts'
import { formatMoney } from '../format.ts'
import type { Order, OrderItem, Tracking } from '../types.ts'
import { trackingUrl } from './tracking-url.ts'

export function itemsTable (items: readonly OrderItem[], currency: string | null): HTMLElement {
  if (items.length === 0) return h('p', { class: 'muted' }, 'No item lines (the order\'s product is shown above).')
  return h('table', { class: 'items' },
    h('thead', {}, h('tr', {}, ...['Item', 'SKU', 'Qty', 'Unit price'].map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, ...items.map((item) => h('tr', {},
      h('td', {}, [item.title ?? '', item.variant ?? ''].filter((v) => v !== '').join(' · ')),
      h('td', {}, item.sku ?? ''),
      h('td', { class: 'num' }, String(item.quantity)),
      h('td', { class: 'num' }, formatMoney(item.unit_price, currency))
    )))
  )
}

/** Every tracking number of the order, each linking to its carrier's tracking page when the carrier is known. */
export function trackingList (trackings: readonly Tracking[], order: Order): HTMLElement {
  const all = [...trackings]
  if (order.tracking_number !== null && order.tracking_number !== '' && !all.some((t) => t.tracking_number === order.tracking_number)) {
    all.unshift({ tracking_number: order.tracking_number, carrier: order.carrier })
  }
  if (all.length === 0) return h('p', { class: 'muted' }, 'No tracking yet.')
  return h('ul', { class: 'trackings' }, ...all.map((tracking) => {
    const url = tracking.url ?? trackingUrl(tracking.carrier, tracking.tracking_number)
    const label = `${tracking.carrier === null || tracking.carrier === undefined ? '' : `${tracking.carrier.toUpperCase()} `}${tracking.tracking_number}`
    return h('li', {}, url === undefined || url === null
      ? label
      : h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'tracking-link' }, label))
  }))
}
