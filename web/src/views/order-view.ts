import { getJson } from '../api.ts'
import { h } from '../dom.ts'
import { orderAmount } from '../order-amount.ts'
import { formatMoney } from '../format.ts'
import type { Route } from '../router.ts'
import { subscribe } from '../stream.ts'
import type { OrderDetail } from '../types.ts'
import type { View } from '../view.ts'
import { deliveryRows, deliveryTable } from './delivery-rows.ts'
import { orderFields } from './order-fields.ts'
import { itemsTable, trackingList } from './order-items.ts'
import { orderOf } from './order-query.ts'
import { statusBadge } from './order-rows.ts'
import { orderTimeline } from './order-timeline.ts'
import { readOrderDetail } from './read-order-detail.ts'

/** One order: its fields, items, tracking, the timeline of changes and the deliveries that touched it. */
export function orderView (route: Route): View {
  const id = route.segments[1] ?? ''
  const element = h('section', { class: 'order-view' }, h('p', { class: 'muted' }, 'Loading…'))
  const load = async (): Promise<void> => {
    const detail = readOrderDetail(await getJson<OrderDetail>(`/api/v2/orders/${encodeURIComponent(id)}`))
    const { order } = detail
    const deliveries = h('tbody')
    for (const log of detail.deliveries) deliveries.append(...deliveryRows(log))
    element.replaceChildren(
      h('a', { href: '#/orders', class: 'back' }, '← Orders'),
      h('div', { class: 'title-row' },
        h('h1', {}, h('span', { 'data-testid': 'order-number' }, order.order_number)),
        statusBadge(order.status),
        h('span', { class: 'total' }, formatMoney(orderAmount(order), order.currency))
      ),
      h('p', { class: 'product-line', 'data-testid': 'order-product' }, [order.product, order.size].filter((v) => v !== null && v !== '').join(' · ')),
      h('div', { class: 'order-grid' },
        h('div', { class: 'card' }, h('h2', {}, 'Details'), orderFields(order)),
        h('div', { class: 'card' },
          h('h2', {}, 'Items'), itemsTable(detail.items, order.currency),
          h('h2', {}, 'Tracking'), trackingList(detail.trackings, order)
        )
      ),
      h('div', { class: 'card' }, h('h2', {}, 'Timeline'), orderTimeline(detail.events)),
      h('div', { class: 'card' }, h('h2', {}, 'Deliveries'), h('div', { class: 'table-wrap' }, deliveryTable(deliveries)))
    )
  }
  const showError = (error: unknown): void => {
    element.replaceChildren(h('a', { href: '#/orders', class: 'back' }, '← Orders'), h('p', { class: 'error' }, `Could not load order ${id}: ${String(error)}`))
  }
  load().catch(showError)
  const unsubscribe = subscribe((event) => {
    const order = event.type === 'order.updated' ? orderOf(event.data) : undefined
    if (order !== undefined && String(order.id) === id) load().catch(showError)
  })
  return { element, dispose: unsubscribe }
}
