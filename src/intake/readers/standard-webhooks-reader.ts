import type { PayloadReader } from '../delivery.ts'
import { genericReader } from './generic-reader.ts'
import { isPlainObject } from './read-flat-order.ts'

/**
 * Standard Webhooks / Svix senders wrap their event as `{ type, timestamp, data }`; the order in `data` is read with
 * the guide's mapping, and the event type is kept with the order.
 */
export const standardWebhooksReader: PayloadReader = {
  name: 'standard-webhooks',
  matches: ({ headers }) => headers['webhook-id'] !== undefined && headers['webhook-signature'] !== undefined,
  read: ({ headers, body }) => {
    const reading = genericReader.read({ headers, body })
    if (reading.kind !== 'order' || !isPlainObject(body) || typeof body.type !== 'string') return reading
    return { kind: 'order', patch: { ...reading.patch, extra: { ...reading.patch.extra, event_type: body.type } } }
  }
}
