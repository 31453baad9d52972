import { isBlank } from '../../orders/normalize-patch.ts'
import type { PayloadReader } from '../delivery.ts'
import { standardWebhookHeaders } from '../signatures/standard-webhooks-headers.ts'
import { genericReader } from './generic-reader.ts'
import { isPlainObject } from './read-flat-order.ts'

// Event types senders use to check an endpoint: Svix's "Send example" of a test type, `ping`, `webhook.test`...
const TEST_EVENT = /(?:^|[._:-])(?:test|ping)(?:$|[._:-])/i

/**
 * Standard Webhooks / Svix senders wrap their event as `{ type, timestamp, data }`; the order in `data` is read with
 * the guide's mapping. A test or ping event is answered 2xx and logged as a test, as the other senders' tests are,
 * even when it shows sample order data. The event type names the delivery, not the order: its record keeps it (an
 * `order.updated` carrying the same order as `order.created` changes nothing).
 */
export const standardWebhooksReader: PayloadReader = {
  name: 'standard-webhooks',
  matches: ({ headers }) => {
    const standard = standardWebhookHeaders(headers)
    return standard.id !== undefined && standard.signature !== undefined
  },
  read: ({ headers, body }) => {
    const reading = genericReader.read({ headers, body })
    if (reading.kind !== 'order' || !isPlainObject(body) || typeof body.type !== 'string') return reading
    if (TEST_EVENT.test(body.type)) {
      const orderNumber = isBlank(reading.patch.orderNumber) ? undefined : String(reading.patch.orderNumber)
      return { kind: 'test', summary: { event_type: body.type, webhook_id: standardWebhookHeaders(headers).id, ...(orderNumber === undefined ? {} : { order_number: orderNumber }) } }
    }
    return reading
  }
}
