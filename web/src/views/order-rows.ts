import { h } from '../dom.ts'
import { orderAmount } from '../order-amount.ts'
import { formatMoney, formatWhen } from '../format.ts'
import { routeHref } from '../router.ts'
import type { Order } from '../types.ts'

const COLUMNS = ['Order', 'Product', 'Store', 'Profile', 'Total', 'Status', 'Source', 'Received']

export function ordersTable (body: HTMLTableSectionElement): HTMLTableElement {
  return h('table', { class: 'orders' },
    h('thead', {}, h('tr', {}, ...COLUMNS.map((label) => h('th', { scope: 'col' }, label)))),
    body
  )
}

/** One order as a row; every cell carries its label so the phone layout can show rows as cards. */
export function orderRow (order: Order): HTMLTableRowElement {
  const href = routeHref(['orders', order.id])
  const product = [order.product ?? '', order.size === null || order.size === '' ? '' : ` · ${order.size}`].join('')
  const cells = [
    h('a', { href, class: 'order-number' }, order.order_number),
    h('span', { class: 'product' }, product),
    order.store ?? '',
    order.profile ?? '',
    formatMoney(orderAmount(order), order.currency),
    statusBadge(order.status),
    order.source,
    formatWhen(order.created_at)
  ]
  const row = h('tr', { 'data-order-id': order.id, 'data-order-number': order.order_number },
    ...cells.map((cell, i) => h('td', { 'data-label': COLUMNS[i] ?? '', class: i === 4 ? 'num' : undefined }, cell))
  )
  // The whole row opens the order (a bigger target on a phone); the link stays for keyboards and new tabs.
  row.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a') === null) location.hash = href
  })
  return row
}

export function statusBadge (status: string): HTMLElement {
  return h('span', { class: `badge order-status ${statusTone(status)}`, title: status }, status)
}

/** The colour class of a status, shared by the badges and the status chart. */
function statusTone (status: string): string {
  if (['delivered', 'shipped', 'partially-shipped'].includes(status)) return 'status-shipped'
  if (['cancelled', 'refunded', 'failed'].includes(status)) return 'status-bad'
  if (['verified', 'processing'].includes(status)) return 'status-good'
  return 'status-waiting'
}
