import type { Generated, Kysely } from 'kysely'

// Row types of the tables; they never leave store/ (repositories map them to domain types).

export interface OrdersTable {
  id: Generated<number>
  order_number: string
  product: string | null
  size: string | null
  sku: string | null
  store: string | null
  /** NUMERIC: a string from PostgreSQL, a number from SQLite; repositories turn both into "99.99". */
  price: string | number | null
  total: string | number | null
  commission: string | number | null
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
  extra: string
  source_updated_at: string | null
  created_at: string
  updated_at: string
}

export interface OrderItemsTable {
  id: Generated<number>
  order_id: number
  position: number
  title: string | null
  variant: string | null
  sku: string | null
  quantity: number
  unit_price: string | number | null
}

export interface OrderTrackingTable {
  id: Generated<number>
  order_id: number
  tracking_number: string
  carrier: string | null
  source: string
  created_at: string
}

export interface OrderEventsTable {
  id: Generated<number>
  order_id: number
  event_type: string
  changes: string
  source: string
  delivery_id: number | null
  created_at: string
}

export interface WebhookLogsTable {
  id: Generated<number>
  created_at: string
  source: string
  method: string
  path: string
  content_type: string | null
  headers: string
  raw_body: string
  raw_body_encoding: string
  body_size: number
  body_preview: string
  status_code: number
  outcome: string
  error_code: string | null
  error: string | null
  /** JSON: what a test, ping or declined checkout carried. */
  details: string | null
  order_id: number | null
  order_number: string | null
  delivery_key: string | null
  replay_of: number | null
  client_ip: string | null
}

export interface ProcessedDeliveriesTable {
  delivery_key: string
  log_id: number | null
  created_at: string
}

export interface EmailMessagesTable {
  id: Generated<number>
  message_id: string
  via: string
  mailbox: string | null
  uid: number | null
  received_at: string
  sent_at: string | null
  sender: string | null
  subject: string | null
  retailer: string | null
  kind: string | null
  order_number: string | null
  order_id: number | null
  status: string
  /** JSON: a list of strings. */
  problems: string
  raw: string
  raw_encoding: string
  created_at: string
  updated_at: string
}

export interface MailboxStateTable {
  mailbox_key: string
  /** Text: IMAP's UIDVALIDITY is an unsigned 32-bit number, compared only for equality. */
  uid_validity: string
  last_uid: number
  updated_at: string
}

export interface Database {
  orders: OrdersTable
  order_items: OrderItemsTable
  order_tracking: OrderTrackingTable
  order_events: OrderEventsTable
  webhook_logs: WebhookLogsTable
  processed_deliveries: ProcessedDeliveriesTable
  email_messages: EmailMessagesTable
  mailbox_state: MailboxStateTable
}

/** How the dialects differ, as flags rather than `if (sqlite)` around the code. */
export interface DialectFeatures {
  name: 'sqlite' | 'postgres'
  /** `SELECT ... FOR UPDATE`: PostgreSQL needs it between instances; SQLite has one writer and refuses the syntax. */
  rowLocks: boolean
  /**
   * A filtered list page chooses its own way through the orders (`order-list-plan.ts`): SQLite's planner keeps no
   * statistics, so it cannot tell a common filter from a rare one.
   */
  plansListPages: boolean
}

/** A connection or a transaction, with what its dialect can do. */
export interface Db {
  kysely: Kysely<Database>
  features: DialectFeatures
  /**
   * Runs compiled SQL at once on the same connection (SQLite, whose driver is synchronous): what prepared queries use,
   * skipping Kysely's executor. Absent on PostgreSQL.
   */
  run?: RunSql | undefined
}

/** Runs one statement with positional parameters and returns its rows (none for a statement without RETURNING). */
export type RunSql = (sql: string, parameters: readonly unknown[]) => unknown[]
