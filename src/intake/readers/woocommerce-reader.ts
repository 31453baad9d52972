import { DomainError } from '../../domain-error.ts'
import type { RawOrderItem, RawOrderPatch } from '../../orders/order-patch.ts'
import type { PayloadReader, ReaderInput, Reading } from '../delivery.ts'
import { describeProducts, singleItemFields, sumQuantities } from './describe-items.ts'
import {
  arrayAt, idText, isRecord, joinName, recordAt, textAt, urlHost, withoutUndefined, type JsonRecord
} from './payload-shape.ts'
import { woocommerceStatus } from './platform-status.ts'
import { readWooMeta, readWooTrackings, readWooVariation } from './woocommerce-meta.ts'

/** WooCommerce webhooks (REST API v3 order bodies) and the ping it sends when a webhook is saved. */
export const woocommerceReader: PayloadReader = {
  name: 'woocommerce',
  matches: ({ headers, body }) => Object.keys(headers).some((name) => name.startsWith('x-wc-webhook-')) || isPing(body),
  read: readWooCommerce
}

// WooCommerce pings with `webhook_id=N` when a webhook is saved and shows an error unless the answer is exactly 200.
function isPing (body: unknown): body is { webhook_id: unknown } {
  return isRecord(body) && Object.keys(body).length === 1 && 'webhook_id' in body
}

function readWooCommerce ({ headers, body }: ReaderInput): Reading {
  if (isPing(body)) return { kind: 'ping', summary: { webhook_id: body.webhook_id } }
  const topic = headers['x-wc-webhook-topic']?.trim().toLowerCase()
  const resource = headers['x-wc-webhook-resource']?.trim().toLowerCase() ?? topic?.split('.')[0]
  if (resource !== undefined && resource !== 'order') throw unsupported(topic ?? resource, 'only order topics carry an order')
  if (!isRecord(body)) throw unsupported(topic, 'the body is not a JSON object')
  if (body.number === undefined && body.line_items === undefined && body.status === undefined) {
    // `order.deleted` sends only `{ "id": N }` once an order is deleted for good.
    throw unsupported(topic, `the body is not an order (keys: ${Object.keys(body).slice(0, 8).join(', ') || 'none'})`)
  }
  return { kind: 'order', patch: readOrder(body, headers, topic) }
}

function readOrder (order: JsonRecord, headers: ReaderInput['headers'], topic: string | undefined): RawOrderPatch {
  const lines = arrayAt(order, 'line_items').filter(isRecord).map(readLine)
  const items = lines.map((line) => line.item)
  const trackings = readWooTrackings(order)
  const last = trackings.at(-1)
  const billing = recordAt(order, 'billing')
  const shipping = recordAt(order, 'shipping')
  const store = urlHost(headers['x-wc-webhook-source']) ?? urlHost(selfLink(order))
  const meta = readWooMeta(order)
  return {
    orderNumber: idText(order.number) ?? idText(order.id),
    fields: {
      product: describeProducts(items.map((item) => item.title)),
      ...singleItemFields(items),
      size: lines.length === 1 ? lines[0]?.size : undefined,
      quantity: sumQuantities(items),
      total: order.total,
      currency: order.currency,
      email: textAt(billing, 'email'),
      customerName: joinName(billing?.first_name, billing?.last_name) ?? joinName(shipping?.first_name, shipping?.last_name) ??
        textAt(billing, 'company'),
      store,
      status: woocommerceStatus(order.status),
      trackingNumber: last?.number,
      carrier: last?.carrier,
      // The `_gmt` dates carry no offset and are UTC; `date_created` is the site's local time, a last resort.
      orderDate: order.date_created_gmt ?? order.date_created,
      platformOrderId: idText(order.id),
      ...meta.fields
    },
    items,
    ...(trackings.length > 0 ? { trackings } : {}),
    extra: withoutUndefined({
      webhook_id: headers['x-wc-webhook-id'],
      store_url: headers['x-wc-webhook-source'],
      order_id: idText(order.id),
      woocommerce_status: textAt(order, 'status'),
      payment_method: textAt(order, 'payment_method'),
      payment_method_title: textAt(order, 'payment_method_title'),
      transaction_id: textAt(order, 'transaction_id'),
      created_via: textAt(order, 'created_via'),
      customer_note: textAt(order, 'customer_note'),
      ...meta.extra
    }),
    sourceUpdatedAt: order.date_modified_gmt ?? order.date_modified
  }
}

function readLine (line: JsonRecord): { item: RawOrderItem, size: string | undefined } {
  const { variant, size } = readWooVariation(line)
  const parent = textAt(line, 'parent_name')
  // A variation's `name` repeats its attributes ("Nike Dunk Low - 9.5"); they are in `variant` already.
  const title = variant !== undefined && parent !== undefined ? parent : line.name
  const sku = line.sku === '' ? undefined : line.sku
  return { item: { title, variant, sku, quantity: line.quantity, unitPrice: line.price }, size }
}

function selfLink (order: JsonRecord): unknown {
  const self = recordAt(order, '_links')?.self
  return Array.isArray(self) && isRecord(self[0]) ? self[0].href : undefined
}

function unsupported (topic: string | undefined, why: string): DomainError {
  return new DomainError('UNSUPPORTED_PAYLOAD', `WooCommerce topic ${topic ?? '(none)'} is not an order: ${why}`, { field: 'body' })
}
