import type { OrderItem, Tracking } from '../orders/order-patch.ts'
import { trackingUrl } from '../orders/tracking-url.ts'
import type { StoredOrder } from '../store/order-repository.ts'
import type { OrderEvent } from '../store/order-event-query-repository.ts'

/** The order as every endpoint (and the stream) shows it: snake_case, money as decimal strings, null when unknown. */
export function toOrderJson (order: StoredOrder): Record<string, unknown> {
  const v = order.values
  return {
    id: order.id,
    order_number: order.orderNumber,
    product: v.product ?? null,
    size: v.size ?? null,
    sku: v.sku ?? null,
    store: v.store ?? null,
    price: v.price ?? null,
    total: v.total ?? null,
    commission: v.commission ?? null,
    currency: v.currency ?? null,
    quantity: v.quantity ?? null,
    email: v.email ?? null,
    customer_name: v.customerName ?? null,
    profile: v.profile ?? null,
    proxy_list: v.proxyList ?? null,
    reference_number: v.referenceNumber ?? null,
    status: v.status ?? 'pending',
    tracking_number: v.trackingNumber ?? null,
    carrier: v.carrier ?? null,
    order_date: v.orderDate ?? null,
    platform_order_id: v.platformOrderId ?? null,
    source: order.source,
    extra: order.extra,
    created_at: order.createdAt,
    updated_at: order.updatedAt
  }
}

export function toItemJson (item: OrderItem): Record<string, unknown> {
  return { title: item.title, variant: item.variant, sku: item.sku, quantity: item.quantity, unit_price: item.unitPrice }
}

export function toTrackingJson (tracking: Tracking): Record<string, unknown> {
  return { tracking_number: tracking.number, carrier: tracking.carrier, url: trackingUrl(tracking.number, tracking.carrier) }
}

export function toEventJson (event: OrderEvent): Record<string, unknown> {
  return {
    id: event.id,
    type: event.type,
    source: event.source,
    delivery_id: event.deliveryId,
    created_at: event.createdAt,
    changes: event.changes
  }
}
