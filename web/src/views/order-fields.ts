import { h } from '../dom.ts'
import { formatDateTime, formatMoney, formatValue } from '../format.ts'
import type { Order } from '../types.ts'

type Field = [label: string, value: (order: Order) => string]

const FIELDS: readonly Field[] = [
  ['Store', (o) => o.store ?? ''],
  ['SKU', (o) => o.sku ?? ''],
  ['Quantity', (o) => o.quantity === null ? '' : String(o.quantity)],
  ['Price', (o) => formatMoney(o.price, o.currency)],
  ['Total', (o) => formatMoney(o.total, o.currency)],
  ['Commission', (o) => formatMoney(o.commission, o.currency)],
  ['Customer', (o) => o.customer_name ?? ''],
  ['Email', (o) => o.email ?? ''],
  ['Profile', (o) => o.profile ?? ''],
  ['Proxy list', (o) => o.proxy_list ?? ''],
  ['Reference', (o) => o.reference_number ?? ''],
  ['Platform id', (o) => o.platform_order_id ?? ''],
  ['Order date', (o) => formatDateTime(o.order_date)],
  ['Source', (o) => o.source],
  ['Received', (o) => formatDateTime(o.created_at)],
  ['Updated', (o) => formatDateTime(o.updated_at)]
]

/** The order's fields and its `extra` (whatever else the sender sent), empty ones left out. */
export function orderFields (order: Order): HTMLElement {
  const list = h('dl', { class: 'fields' })
  const add = (label: string, value: string): void => {
    if (value !== '') list.append(h('dt', {}, label), h('dd', {}, value))
  }
  for (const [label, value] of FIELDS) add(label, value(order))
  for (const [name, value] of Object.entries(order.extra)) add(name, formatValue(value))
  return list
}
