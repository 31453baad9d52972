import type { RawOrderPatch } from '../orders/order-patch.ts'

/** Which reader took a delivery; stored as `webhook_logs.source` and `orders.source`. */
export type SourceName =
  | 'generic' | 'shopify' | 'woocommerce' | 'discord' | 'slack' | 'standard-webhooks' | 'email' | 'manual' | 'import'

/** A request as it arrived, independent of the HTTP framework. Header names are lower-case. */
export interface IncomingDelivery {
  method: string
  path: string
  headers: Record<string, string | undefined>
  query: Record<string, string | undefined>
  rawBody: Buffer
  /** The secret path segment of `/api/v2/webhooks/orders/{token}`, when used. */
  urlToken?: string | undefined
  clientIp?: string | undefined
  receivedAt: Date
  /** The body went over the limit: `rawBody` holds its first part only. */
  tooLarge?: boolean
}

/** A body decoded from its content type: JSON, a form, or multipart with a `payload_json` part. */
export type ParsedBody = unknown

/** What a reader made of a delivery. */
export type Reading =
  | { kind: 'order', patch: RawOrderPatch }
  /** WooCommerce's ping when a webhook is saved. */
  | { kind: 'ping', summary: Record<string, unknown> }
  /** A platform's "send test notification" or a bot's test message: answered 2xx, no order. */
  | { kind: 'test', summary: Record<string, unknown> }
  /** A bot's failed checkout: logged with what it carries, no order. */
  | { kind: 'declined', summary: Record<string, unknown> }

export interface ReaderInput {
  headers: Record<string, string | undefined>
  body: ParsedBody
}

/**
 * One reader per sender. `matches` recognises the sender from headers and shape; `read` turns the payload into a raw
 * order patch (normalised later, in one place) or throws a DomainError that names what is wrong.
 */
export interface PayloadReader {
  name: SourceName
  matches: (input: ReaderInput) => boolean
  read: (input: ReaderInput) => Reading
}
