// The shapes of the orders API (docs/api.md). Money is a decimal string: the dashboard never does arithmetic on it
// with floats, it only shows it.

export interface Order {
  id: number
  order_number: string
  product: string | null
  size: string | null
  sku: string | null
  store: string | null
  price: string | null
  total: string | null
  commission: string | null
  currency: string | null
  quantity: number | null
  email: string | null
  customer_name: string | null
  profile: string | null
  proxy_list: string | null
  reference_number: string | null
  status: string
  tracking_number: string | null
  carrier: string | null
  order_date: string | null
  platform_order_id: string | null
  source: string
  extra: Record<string, unknown>
  created_at: string
  updated_at: string
}

export interface OrderItem {
  title: string | null
  variant?: string | null
  sku: string | null
  quantity: number
  unit_price: string | null
}

export interface Tracking {
  tracking_number: string
  carrier: string | null
  /** The carrier's tracking page, when the carrier is known. */
  url?: string | null
}

export interface FieldChange {
  field: string
  old: unknown
  new: unknown
}

export interface OrderEvent {
  id: number
  type: 'created' | 'updated'
  changes: FieldChange[]
  source: string
  delivery_id: number | null
  created_at: string
}

export interface DeliveryLog {
  id: number
  created_at: string
  source: string
  method: string
  path: string
  content_type: string | null
  status_code: number
  outcome: string
  error_code: string | null
  error: string | null
  order_id: number | null
  order_number: string | null
  body_size: number
  body_preview: string
  replay_of: number | null
}

/** GET /api/v2/orders/:id */
export interface OrderDetail {
  order: Order
  items: OrderItem[]
  trackings: Tracking[]
  events: OrderEvent[]
  deliveries: DeliveryLog[]
}

export interface OrderPage {
  orders: Order[]
  next_cursor: string | null
}

export interface DeliveryPage {
  count: number
  next_before: number | null
  logs: DeliveryLog[]
}

export interface GroupStats {
  key: string | null
  checkouts: number
  spend: string
  cancellations: number
}

/** GET /api/v2/orders/stats: days are UTC, spend leaves out cancelled, refunded and failed orders. */
export interface OrderStats {
  orders: number
  by_status: Record<string, number>
  spend: string
  commission: string
  /** The currencies of the orders spend counts, null for those without one: sums add them as they are. */
  currencies: Array<string | null>
  per_day: Array<{ day: string, orders: number, spend: string }>
  by_store: GroupStats[]
  by_profile: GroupStats[]
  by_proxy_list: GroupStats[]
}
