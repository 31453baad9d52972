import type { ORDER_STATUSES } from '../../orders/order-status.ts'
import { isRecord, type JsonRecord } from './payload-shape.ts'

type Status = typeof ORDER_STATUSES[number]

/**
 * WooCommerce order statuses (REST API v3 `status`, without the `wc-` prefix) on the documented set. `completed`
 * is WooCommerce's "fulfilled and complete", which for a reseller is shipped. The last rows are the statuses the
 * common shipment plugins register; any other custom status leaves the stored status alone and is kept in `extra`.
 */
export const WOOCOMMERCE_STATUSES: Readonly<Record<string, Status>> = {
  pending: 'pending',
  processing: 'processing',
  'on-hold': 'on-hold',
  completed: 'shipped',
  cancelled: 'cancelled',
  refunded: 'refunded',
  failed: 'failed',
  'checkout-draft': 'pending',
  draft: 'pending',
  trash: 'cancelled',
  shipped: 'shipped',
  'partial-shipped': 'partially-shipped',
  'partially-shipped': 'partially-shipped',
  delivered: 'delivered'
}

export function woocommerceStatus (status: unknown): Status | undefined {
  if (typeof status !== 'string') return undefined
  return WOOCOMMERCE_STATUSES[status.trim().toLowerCase().replace(/^wc-/, '')]
}

/** Shopify `financial_status` values that decide the status on their own, before fulfilment is looked at. */
export const SHOPIFY_FINAL_FINANCIAL: Readonly<Record<string, Status>> = {
  refunded: 'refunded',
  voided: 'cancelled'
}

export const SHOPIFY_FULFILLMENT: Readonly<Record<string, Status>> = {
  fulfilled: 'shipped',
  partial: 'partially-shipped'
}

/**
 * Shopify `financial_status` values for an order not yet fulfilled. `partially_refunded` is absent on purpose: it
 * says nothing about where the order is, so the stored status stays.
 */
export const SHOPIFY_OPEN_FINANCIAL: Readonly<Record<string, Status>> = {
  paid: 'processing',
  partially_paid: 'pending',
  pending: 'pending',
  authorized: 'pending',
  expired: 'failed'
}

/** What a topic says when the body's own statuses do not settle it (`orders/paid` may arrive before the body shows it). */
export const SHOPIFY_TOPICS: Readonly<Record<string, Status>> = {
  'orders/cancelled': 'cancelled',
  'orders/fulfilled': 'shipped',
  'orders/partially_fulfilled': 'partially-shipped',
  'orders/paid': 'processing'
}

/**
 * Cancelled first (Shopify keeps `financial_status` as it was when an order is cancelled), then refunds and voids,
 * then fulfilment (delivered when every live fulfilment's `shipment_status` is `delivered`), then payment.
 */
export function shopifyStatus (order: JsonRecord, topic: string | undefined): Status | undefined {
  const financial = lower(order.financial_status)
  const fulfillment = lower(order.fulfillment_status)
  if (isSet(order.cancelled_at) || topic === 'orders/cancelled') return 'cancelled'
  const final = SHOPIFY_FINAL_FINANCIAL[financial]
  if (final !== undefined) return final
  const shipped = SHOPIFY_FULFILLMENT[fulfillment]
  if (shipped === 'shipped' && isEveryFulfillmentDelivered(order.fulfillments)) return 'delivered'
  if (shipped !== undefined) return shipped
  return (topic === undefined ? undefined : SHOPIFY_TOPICS[topic]) ?? SHOPIFY_OPEN_FINANCIAL[financial]
}

function isEveryFulfillmentDelivered (fulfillments: unknown): boolean {
  if (!Array.isArray(fulfillments)) return false
  const live = fulfillments.filter((f) => isRecord(f) && lower(f.status) !== 'cancelled')
  return live.length > 0 && live.every((f) => isRecord(f) && lower(f.shipment_status) === 'delivered')
}

function lower (value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : ''
}

function isSet (value: unknown): boolean {
  return value !== undefined && value !== null && value !== ''
}
