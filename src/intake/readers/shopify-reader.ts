import { DomainError } from '../../domain-error.ts'
import type { RawOrderItem, RawOrderPatch } from '../../orders/order-patch.ts'
import type { PayloadReader, ReaderInput, Reading } from '../delivery.ts'
import { describeProducts, singleItemFields, sumQuantities } from './describe-items.ts'
import {
  arrayAt, idText, isRecord, joinName, recordAt, textAt, urlHost, withoutNulls, withoutUndefined, type JsonRecord
} from './payload-shape.ts'
import { shopifyStatus } from './platform-status.ts'
import { fulfillmentOrderName, readShopifyTrackings, voidShopifyTrackings } from './shopify-trackings.ts'

/**
 * Shopify order webhooks (`orders/create`, `orders/updated`, `orders/paid`, `orders/fulfilled`, `orders/cancelled`...)
 * carry the full REST Order resource; only the `X-Shopify-Topic` header tells them apart.
 */
export const shopifyReader: PayloadReader = {
  name: 'shopify',
  matches: ({ headers }) => headers['x-shopify-topic'] !== undefined || headers['x-shopify-hmac-sha256'] !== undefined,
  read: readShopify
}

function readShopify ({ headers, body }: ReaderInput): Reading {
  const topic = headers['x-shopify-topic']?.trim().toLowerCase()
  const shop = headers['x-shopify-shop-domain']?.trim()
  if (!isRecord(body)) throw unsupported(topic, 'the body is not a JSON object')
  // "Send test notification" posts a fixed sample order with `test: true`; so does every order of a store in test mode.
  if (body.test === true) {
    return { kind: 'test', summary: withoutUndefined({ topic, shop_domain: shop, name: textAt(body, 'name'), order_id: idText(body.id) }) }
  }
  if (topic?.startsWith('fulfillments/') === true) return { kind: 'order', patch: readFulfillment(body, topic, shop) }
  if (topic !== undefined && !topic.startsWith('orders/')) throw unsupported(topic, 'only order topics carry an order')
  if (body.name === undefined && body.order_number === undefined) {
    throw unsupported(topic, 'the body is not an Order resource (no name or order_number)')
  }
  return { kind: 'order', patch: readOrder(body, topic, shop, headers['x-shopify-triggered-at']) }
}

function readOrder (order: JsonRecord, topic: string | undefined, shop: string | undefined, triggeredAt: string | undefined): RawOrderPatch {
  const items = arrayAt(order, 'line_items').filter(isRecord).map(readItem)
  const trackings = readShopifyTrackings(arrayAt(order, 'fulfillments'))
  const voided = voidShopifyTrackings(arrayAt(order, 'fulfillments'))
  const last = trackings.at(-1)
  const customer = recordAt(order, 'customer')
  const store = shop ?? urlHost(order.order_status_url)
  const patch: RawOrderPatch = {
    orderNumber: orderNumber(order),
    fields: {
      product: describeProducts(items.map((item) => item.title)),
      ...singleItemFields(items),
      quantity: sumQuantities(items),
      total: order.total_price,
      currency: order.currency,
      email: textAt(order, 'email') ?? textAt(order, 'contact_email') ?? textAt(customer, 'email'),
      customerName: customerName(order, customer),
      store,
      status: shopifyStatus(order, topic),
      trackingNumber: last?.number,
      carrier: last?.carrier,
      orderDate: order.created_at,
      platformOrderId: idText(order.id)
    },
    items,
    ...(trackings.length > 0 ? { trackings } : {}),
    ...(voided.length > 0 ? { voidTrackings: voided } : {}),
    // Not the topic: it names the delivery (kept in its record's headers), and would make every routine
    // orders/updated or orders/paid carrying the same order an "update" of the order. Shopify writes every field it has
    // no value for as null (`fulfillment_status` of an unfulfilled order); a null is left out, as the generic reader does.
    extra: withoutNulls({
      shop_domain: store,
      order_id: idText(order.id),
      financial_status: order.financial_status,
      fulfillment_status: order.fulfillment_status,
      cancel_reason: order.cancel_reason,
      cancelled_at: order.cancelled_at,
      gateway: gateways(order),
      confirmation_number: textAt(order, 'confirmation_number'),
      source_name: textAt(order, 'source_name'),
      tags: textAt(order, 'tags'),
      ...discounts(order),
      ...presentment(order)
    }),
    sourceUpdatedAt: order.updated_at ?? triggeredAt
  }
  return patch
}

/** The order number as the merchant sees it: `name` ("#1001", or with the store's own prefix and suffix). */
function orderNumber (order: JsonRecord): unknown {
  const name = textAt(order, 'name')
  if (name !== undefined) return name.replace(/^#\s*/, '')
  return idText(order.order_number) ?? order.order_number
}

function readItem (line: JsonRecord): RawOrderItem {
  return {
    title: line.title ?? line.name,
    variant: line.variant_title ?? undefined,
    sku: line.sku ?? undefined,
    quantity: line.quantity,
    unitPrice: line.price
  }
}

function customerName (order: JsonRecord, customer: JsonRecord | undefined): string | undefined {
  for (const person of [customer, recordAt(order, 'billing_address'), recordAt(order, 'shipping_address')]) {
    const name = joinName(person?.first_name, person?.last_name) ?? textAt(person, 'name')
    if (name !== undefined) return name
  }
  return undefined
}

/** The codes a customer used and what they took off; a total after discounts alone does not say why it is lower. */
function discounts (order: JsonRecord): JsonRecord {
  const codes = arrayAt(order, 'discount_codes').filter(isRecord).map((discount) => textAt(discount, 'code')).filter((code) => code !== undefined)
  const amount = textAt(order, 'total_discounts') ?? idText(order.total_discounts)
  return withoutUndefined({
    discount_codes: codes.length > 0 ? codes.join(', ') : undefined,
    total_discounts: amount !== undefined && Number(amount) !== 0 ? amount : undefined
  })
}

/**
 * A multi-currency store's order in the currency the customer paid (`presentment_money`), when it is not the shop's:
 * the order's total stays in the shop's currency, as its reports are.
 */
function presentment (order: JsonRecord): JsonRecord {
  const money = recordAt(recordAt(order, 'total_price_set') ?? {}, 'presentment_money')
  const currency = textAt(money, 'currency_code') ?? textAt(order, 'presentment_currency')
  const amount = textAt(money, 'amount')
  if (currency === undefined || amount === undefined || currency === textAt(order, 'currency')) return {}
  return { presentment_total: amount, presentment_currency: currency }
}

function gateways (order: JsonRecord): string | undefined {
  const names = arrayAt(order, 'payment_gateway_names').filter((name) => typeof name === 'string' && name !== '')
  if (names.length > 0) return names.join(', ')
  return textAt(order, 'gateway')
}

/**
 * `fulfillments/create` and `fulfillments/update` carry one Fulfillment with its order's id and tracking numbers:
 * they add trackings only, and no `sourceUpdatedAt`, so they are never taken for a stale copy of the order.
 */
function readFulfillment (fulfillment: JsonRecord, topic: string, shop: string | undefined): RawOrderPatch {
  const orderName = fulfillmentOrderName(fulfillment)
  if (orderName === undefined) throw unsupported(topic, 'the fulfillment has no name to find its order by')
  const trackings = readShopifyTrackings([fulfillment])
  const voided = voidShopifyTrackings([fulfillment])
  return {
    orderNumber: orderName.replace(/^#\s*/, ''),
    fields: { platformOrderId: idText(fulfillment.order_id), store: shop },
    trackings,
    ...(voided.length > 0 ? { voidTrackings: voided } : {}),
    extra: withoutUndefined({ shop_domain: shop })
  }
}

function unsupported (topic: string | undefined, why: string): DomainError {
  return new DomainError('UNSUPPORTED_PAYLOAD', `Shopify topic ${topic ?? '(none)'} is not an order: ${why}`, { field: 'body' })
}
