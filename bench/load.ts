import { createHmac } from 'node:crypto'
import autocannon from 'autocannon'

export interface LoadResult {
  requests: number
  rps: number
  p50: number
  p99: number
  max: number
  errors: number
  non2xx: number
  /** Order numbers whose delivery got a 2xx. */
  acknowledged: Set<string>
}

export interface LoadOptions {
  url: string
  secret: string
  connections: number
  seconds?: number
  /** Stop after this many requests instead of a duration. */
  amount?: number
  /** Order numbers are unique per run: `${prefix}-${n}`. */
  prefix: string
}

const PRODUCTS = ['Jordan 4 Retro Bred', 'Dunk Low Panda', 'Yeezy 350 Onyx', 'New Balance 550', 'PS5 Slim', 'Pokemon 151 ETB']

/** The bench's n-th new order, as a bot posts it (the guide's flat JSON). */
export function newOrderPayload (orderNumber: string, n: number): Record<string, unknown> {
  return {
    order_number: orderNumber,
    product: PRODUCTS[n % PRODUCTS.length],
    size: String(4 + (n % 10)),
    price: `${100 + (n % 200)}.99`,
    quantity: 1,
    email: `buyer${n % 997}@example.com`,
    profile: `Profile ${n % 12}`,
    proxy_list: `ISP ${n % 5}`,
    store: ['Nike', 'Foot Locker', 'Shopify'][n % 3],
    status: 'verified'
  }
}

/**
 * 80% new orders, 20% updates of orders sent earlier in the run, each signed like a real sender would sign it. Bodies
 * are made and signed in the load generator, so the server pays only for verifying.
 */
export async function runLoad (options: LoadOptions): Promise<LoadResult> {
  const acknowledged = new Set<string>()
  let created = 0
  let sent = 0
  const nextBody = (): { body: string, orderNumber: string } => {
    sent++
    if (created > 10 && sent % 5 === 0) {
      const orderNumber = `${options.prefix}-${Math.floor(Math.random() * created)}`
      return { orderNumber, body: JSON.stringify({ order_number: orderNumber, status: 'shipped', tracking_number: `1Z${String(sent).padStart(16, '0')}` }) }
    }
    const n = created++
    const orderNumber = `${options.prefix}-${n}`
    return { orderNumber, body: JSON.stringify(newOrderPayload(orderNumber, n)) }
  }
  const result = await autocannon({
    url: `${options.url}/api/v2/webhooks/orders`,
    connections: options.connections,
    ...(options.amount === undefined ? { duration: options.seconds ?? 10 } : { amount: options.amount }),
    requests: [{
      method: 'POST',
      setupRequest: (request: autocannon.Request, context: object) => {
        const { body, orderNumber } = nextBody()
        ;(context as Record<string, unknown>).orderNumber = orderNumber
        request.body = body
        request.headers = {
          'content-type': 'application/json',
          'x-webhook-signature': createHmac('sha256', options.secret).update(body).digest('hex')
        }
        return request
      },
      onResponse: (status: number, _body: string, context: object) => {
        if (status >= 200 && status < 300) acknowledged.add((context as Record<string, unknown>).orderNumber as string)
      }
    }]
  })
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    acknowledged
  }
}
