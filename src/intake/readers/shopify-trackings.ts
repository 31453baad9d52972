import type { RawOrderPatch } from '../../orders/order-patch.ts'
import { isRecord, textAt, type JsonRecord } from './payload-shape.ts'

type Trackings = NonNullable<RawOrderPatch['trackings']>

// Fulfillment `status` values whose tracking numbers are void (Shopify Fulfillment resource).
const VOID_FULFILLMENT = new Set(['cancelled', 'error', 'failure'])

/**
 * Every tracking number of every live fulfilment. Shopify sends both `tracking_number` (the first) and
 * `tracking_numbers` (all of them); the normaliser drops the repeats.
 */
export function readShopifyTrackings (fulfillments: readonly unknown[]): Trackings {
  // flatMap and concat, not push(...list): a spread passes each number as an argument, and a body listing 130,000 of
  // them overflows the stack.
  return fulfillments.flatMap((fulfillment) => isRecord(fulfillment) && !VOID_FULFILLMENT.has(String(fulfillment.status).toLowerCase())
    ? fulfillmentTrackings(fulfillment)
    : [])
}

function fulfillmentTrackings (fulfillment: JsonRecord): Trackings {
  const carrier = textAt(fulfillment, 'tracking_company')
  const numbers = [fulfillment.tracking_number].concat(Array.isArray(fulfillment.tracking_numbers) ? fulfillment.tracking_numbers : [])
  return numbers
    .filter((number): number is string => typeof number === 'string' && number.trim() !== '')
    .map((number) => carrier === undefined ? { number } : { number, carrier })
}

/** The tracking numbers of cancelled (or failed) fulfilments: their labels are void, so the order drops them. */
export function voidShopifyTrackings (fulfillments: readonly unknown[]): string[] {
  return fulfillments
    .filter((fulfillment): fulfillment is JsonRecord => isRecord(fulfillment) && VOID_FULFILLMENT.has(String(fulfillment.status).toLowerCase()))
    .flatMap((fulfillment) => fulfillmentTrackings(fulfillment).map((tracking) => String(tracking.number)))
}

/** The order a fulfilment belongs to: Shopify names fulfilments after the order, `#1001.2` for order `#1001`. */
export function fulfillmentOrderName (fulfillment: JsonRecord): string | undefined {
  const name = textAt(fulfillment, 'name')
  return name?.replace(/\.\d+$/, '')
}
