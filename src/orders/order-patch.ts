import type { OrderStatus } from './order-status.ts'

/** Scalar order fields a sender can set, in the order they are shown. Keys are camelCase; columns are snake_case. */
export const ORDER_FIELDS = [
  'product', 'size', 'sku', 'store', 'price', 'total', 'commission', 'currency', 'quantity', 'email',
  'customerName', 'profile', 'proxyList', 'referenceNumber', 'status', 'trackingNumber', 'carrier', 'orderDate',
  'platformOrderId'
] as const

export type OrderField = typeof ORDER_FIELDS[number]

/** Each field's column, which is also the name users see (the setup guide's snake_case names). */
export const FIELD_COLUMNS = {
  product: 'product',
  size: 'size',
  sku: 'sku',
  store: 'store',
  price: 'price',
  total: 'total',
  commission: 'commission',
  currency: 'currency',
  quantity: 'quantity',
  email: 'email',
  customerName: 'customer_name',
  profile: 'profile',
  proxyList: 'proxy_list',
  referenceNumber: 'reference_number',
  status: 'status',
  trackingNumber: 'tracking_number',
  carrier: 'carrier',
  orderDate: 'order_date',
  platformOrderId: 'platform_order_id'
} as const satisfies Record<OrderField, string>

export type OrderColumn = typeof FIELD_COLUMNS[OrderField]

export const MONEY_FIELDS = ['price', 'total', 'commission'] as const satisfies readonly OrderField[]

/** What a reader extracted, before normalisation: values as the sender wrote them. */
export interface RawOrderPatch {
  orderNumber: unknown
  fields: Partial<Record<OrderField, unknown>>
  /** Replaces the order's line items when present. */
  items?: RawOrderItem[]
  /** Tracking numbers to add. */
  trackings?: Array<{ number: unknown, carrier?: unknown }>
  /** Tracking numbers the sender says are void (a cancelled fulfilment): removed from the order. */
  voidTrackings?: unknown[]
  /** Fields the mapping does not know; merged into the order's `extra` JSON. */
  extra?: Record<string, unknown>
  /** The sender's own last-modified time; an older delivery never overwrites a newer one. */
  sourceUpdatedAt?: unknown
  /** The status a checkout gives a new order, or one still `pending`; never one that moved on. */
  checkoutStatus?: unknown
  /** The delivery tells of the checkout (a bot's post): on an order that exists it fills in only what is missing. */
  fillIn?: boolean
  /** News of an order placed earlier ("Order Cancelled"): applied to an order ROMS has, never made into a new one. */
  existingOnly?: boolean
}

export interface RawOrderItem {
  title?: unknown
  variant?: unknown
  sku?: unknown
  quantity?: unknown
  unitPrice?: unknown
}

export interface OrderItem {
  title: string | null
  variant: string | null
  sku: string | null
  quantity: number
  unitPrice: string | null
}

export interface Tracking {
  number: string
  carrier: string | null
}

export interface OrderValues {
  product: string
  size: string
  sku: string
  store: string
  /** Money is a decimal string with two places ("1299.00"): exact, whatever the database. */
  price: string
  total: string
  commission: string
  currency: string
  quantity: number
  email: string
  customerName: string
  profile: string
  proxyList: string
  referenceNumber: string
  status: OrderStatus
  trackingNumber: string
  carrier: string
  /** ISO 8601 UTC. */
  orderDate: string
  platformOrderId: string
}

/** A normalised patch: only the fields the delivery carried; everything else stays as stored. */
export interface OrderPatch {
  orderNumber: string
  fields: Partial<OrderValues>
  items?: OrderItem[]
  trackings?: Tracking[]
  /** Tracking numbers to remove: their parcel was cancelled. */
  voidTrackings?: string[]
  extra?: Record<string, unknown>
  sourceUpdatedAt?: string
  /** The status a checkout gives a new order, or one still `pending`; `fields.status`, when given, wins. */
  checkoutStatus?: OrderStatus
  /** On an order that exists: set only fields, items and extra keys it does not have yet. */
  fillIn?: boolean
  /** Only for an order that exists: refused (ORDER_UNKNOWN) rather than creating one. */
  existingOnly?: boolean
}
