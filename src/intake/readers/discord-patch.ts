import type { RawOrderItem, RawOrderPatch } from '../../orders/order-patch.ts'
import { resolveLabel, type DiscordKey } from './discord-fields.ts'
import type { Entry, PostData } from './discord-embed.ts'
import type { StatusNews } from './discord-outcome.ts'
import { currencyOf } from '../../orders/currency-of.ts'
import { cleanOrderNumber, cleanPrice, cleanQuantity } from './discord-values.ts'
import { describeProducts, sumQuantities } from './describe-items.ts'
import { withoutUndefined, type JsonRecord } from './payload-shape.ts'

// Keys that make an item (a price alone does not); numbered fields ("Product (2)", "Size (2)") make one item per number.
const ITEM_KEYS: ReadonlySet<DiscordKey> = new Set(['product', 'size', 'sku'])
// Keys that are not order fields: they go to `extra` under these names, or decide the outcome.
const EXTRA_KEYS: Partial<Record<DiscordKey, string>> = { mode: 'mode', checkoutSpeed: 'checkout_speed' }

/** The first value of a key (of one numbered item when `index` is given); the first embed's values come first. */
export function valueOf (entries: readonly Entry[], key: DiscordKey, index?: number): string | undefined {
  return entries.find((entry) => entry.key === key && (index === undefined || entry.index === index))?.value
}

// What bots print in the order number's place before the site assigns one. Every checkout posted so would merge into
// one order under that word; without a number the post is refused, naming what it found, and kept in the log.
// Words of a link's text standing where the number should be ("View Order", "Click here") are not a number either.
const NOT_YET_NUMBERED = /^(?:tbd|tba|pending|processing|awaiting|waiting|0+|x+|link|here|view|open|details|[\p{L}]+(?:\s+[\p{L}]+)+)$/iu

/** The order number as the post wrote it, `#` removed; a test or decline summary shows it whatever it says. */
export function writtenOrderNumberOf (entries: readonly Entry[]): string | undefined {
  const value = valueOf(entries, 'orderNumber')
  return value === undefined ? undefined : cleanOrderNumber(value)
}

/** The order number an order can be stored under: none while the post says the site has not given one yet. */
export function orderNumberOf (entries: readonly Entry[]): string | undefined {
  const number = writtenOrderNumberOf(entries)
  return number === undefined || NOT_YET_NUMBERED.test(number) ? undefined : number
}

/**
 * A successful checkout as an order patch. The bot vouches for it, so a new order (or one still `pending`) is
 * `verified`; a post repeated after the order moved on (shipped, cancelled) does not set it back. On an order that
 * exists (the store's own webhook was first, or the bot posts again) it fills in what is missing (profile, proxy
 * list) and replaces nothing: the store's line items, totals and date are the better account of the order.
 */
export function buildDiscordPatch (post: PostData, orderNumber: string, context: JsonRecord): RawOrderPatch {
  const { entries } = post
  const items = readItems(entries)
  const single = items.length === 1 ? items[0] : undefined
  const rawTotal = valueOf(entries, 'total')
  const tracking = valueOf(entries, 'trackingNumber')
  const carrier = valueOf(entries, 'carrier')
  // A bot that prints only a total for a one-item checkout means the item's price.
  const rawPrice = items.length > 1 ? undefined : single?.unitPrice ?? valueOf(entries, 'price')
  const quantity = single?.quantity ?? cleanQuantityOf(valueOf(entries, 'quantity')) ?? 1
  const price = rawPrice ?? (items.length <= 1 && Number(quantity) === 1 ? rawTotal : undefined)
  // The one item costs what the order's price says, when only a total told it.
  const priced = single !== undefined && single.unitPrice === undefined && typeof price === 'string' ? [{ ...single, unitPrice: cleanPrice(price) }] : items
  return {
    orderNumber,
    fields: {
      product: describeProducts(items.map((item) => item.title)),
      size: single?.variant,
      sku: single?.sku,
      price: typeof price === 'string' ? cleanPrice(price) : undefined,
      total: rawTotal === undefined ? undefined : cleanPrice(rawTotal),
      currency: valueOf(entries, 'currency') ?? currencyOf(`${valueOf(entries, 'price') ?? ''} ${rawTotal ?? ''}`),
      quantity: orderQuantity(items, entries),
      store: valueOf(entries, 'store'),
      email: valueOf(entries, 'email'),
      customerName: valueOf(entries, 'customerName'),
      profile: valueOf(entries, 'profile'),
      proxyList: valueOf(entries, 'proxyList'),
      referenceNumber: valueOf(entries, 'referenceNumber'),
      trackingNumber: tracking,
      carrier,
      orderDate: post.timestamp
    },
    checkoutStatus: 'verified',
    fillIn: true,
    ...(priced.length > 0 ? { items: priced } : {}),
    ...(tracking === undefined ? {} : { trackings: [carrier === undefined ? { number: tracking } : { number: tracking, carrier }] }),
    extra: { ...context, ...extraOf(entries) }
  }
}

/**
 * News of an order placed earlier ("Order Cancelled", "Order Shipped"): its status, and the tracking number a shipping
 * post carries. Not its items, prices or date: those are the checkout's, and the post's time is not the order's.
 */
export function buildStatusPatch (post: PostData, orderNumber: string, status: StatusNews): RawOrderPatch {
  const tracking = valueOf(post.entries, 'trackingNumber')
  const carrier = valueOf(post.entries, 'carrier')
  return {
    orderNumber,
    existingOnly: true,
    fields: { status, trackingNumber: tracking, carrier },
    ...(tracking === undefined ? {} : { trackings: [carrier === undefined ? { number: tracking } : { number: tracking, carrier }] })
  }
}

/** Unknown fields under the name the bot gave them, and the known ones that are not order fields. */
export function extraOf (entries: readonly Entry[]): JsonRecord {
  const extra: JsonRecord = {}
  for (const entry of entries) {
    const name = entry.key === undefined || entry.key === 'status' || entry.key === 'reason' ? entry.name : EXTRA_KEYS[entry.key]
    if (name === undefined || name in extra) continue
    // "Checkout Speed (ms)": 2481 keeps its unit, which bots differ on.
    const unit = entry.key === 'checkoutSpeed' && /^\d+(?:\.\d+)?$/.test(entry.value) ? resolveLabel(entry.name).unit : undefined
    extra[name] = unit === undefined ? entry.value : `${entry.value} ${unit}`
  }
  return withoutUndefined(extra)
}

/** One item per product number; a single item also takes the values that carry no number. */
function readItems (entries: readonly Entry[]): RawOrderItem[] {
  const numbers = [...new Set(entries.filter((entry) => entry.key === 'product').map((entry) => entry.index))]
  if (numbers.length === 0 && entries.some((entry) => entry.key !== undefined && ITEM_KEYS.has(entry.key))) numbers.push(0)
  const at = (key: DiscordKey, index: number): string | undefined =>
    valueOf(entries, key, index) ?? (numbers.length === 1 ? valueOf(entries, key) : undefined)
  return numbers.sort((a, b) => a - b).map((index) => {
    const price = at('price', index)
    const quantity = at('quantity', index)
    return withoutUndefined({
      title: at('product', index),
      variant: at('size', index),
      sku: at('sku', index),
      quantity: quantity === undefined ? undefined : cleanQuantity(quantity),
      unitPrice: price === undefined ? undefined : cleanPrice(price)
    })
  })
}

/**
 * The order's quantity: what its items hold. An item whose post gave no quantity is one unit, as the normaliser stores
 * it, so the order of one such item is 1 too, not blank beside its item's 1.
 */
function orderQuantity (items: readonly RawOrderItem[], entries: readonly Entry[]): unknown {
  if (items.length > 1) return sumQuantities(items)
  if (items.length === 1) return items[0]?.quantity ?? 1
  return cleanQuantityOf(valueOf(entries, 'quantity'))
}

function cleanQuantityOf (value: string | undefined): string | undefined {
  return value === undefined ? undefined : cleanQuantity(value)
}
