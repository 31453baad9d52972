import type { RawOrderPatch } from '../orders/order-patch.ts'
import type { EmailKind } from './email-reading.ts'
import type { EmailItem } from './find-items.ts'
import type { Tracking } from './find-trackings.ts'

const STATUS: Partial<Record<EmailKind, string>> = {
  shipping: 'shipped',
  'partial-shipping': 'partially-shipped',
  cancellation: 'cancelled',
  delivered: 'delivered'
}

/**
 * Kinds whose item list is the whole order. A partial shipment or cancellation lists only some items, so its
 * items would replace the order's with a part of them.
 */
const LISTS_WHOLE_ORDER = new Set<EmailKind>(['order-confirmation', 'shipping', 'cancellation', 'delivered'])

export interface PatchInput {
  kind: EmailKind
  retailer: string
  orderNumber: string
  store: string
  recipient: string | null
  subject: string
  messageId: string | null
  date: string | null
  items: readonly EmailItem[]
  total: string | undefined
  trackings: readonly Tracking[]
}

/** The order patch an email carries, with values as written; normalisation happens in orders/normalize-patch.ts. */
export function buildPatch (input: PatchInput): RawOrderPatch {
  const fields: RawOrderPatch['fields'] = {}
  if (input.store !== '') fields.store = input.store
  if (input.recipient !== null) fields.email = input.recipient
  const status = STATUS[input.kind]
  if (status !== undefined) fields.status = status
  if (input.kind === 'order-confirmation' && input.date !== null) fields.orderDate = input.date
  const patch: RawOrderPatch = {
    orderNumber: input.orderNumber,
    fields,
    extra: { email_kind: input.kind, retailer: input.retailer, email_subject: input.subject, message_id: input.messageId }
  }
  if (input.date !== null) patch.sourceUpdatedAt = input.date
  if (input.trackings.length > 0) patch.trackings = input.trackings.map(({ number, carrier }) => ({ number, carrier }))
  if (!LISTS_WHOLE_ORDER.has(input.kind)) return patch
  const first = input.items[0]
  if (first !== undefined) {
    fields.product = first.title
    if (first.size !== null) fields.size = first.size
    if (first.sku !== null) fields.sku = first.sku
    if (first.price !== null) fields.price = first.price
    fields.quantity = input.items.reduce((sum, item) => sum + (item.quantity ?? 1), 0)
    patch.items = input.items.map(item => ({
      title: item.title, variant: item.size, sku: item.sku, quantity: item.quantity ?? 1, unitPrice: item.price
    }))
  }
  if (input.total !== undefined) fields.total = input.total
  return patch
}
