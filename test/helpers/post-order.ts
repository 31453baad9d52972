import { createHmac } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

/** Posts bytes exactly as given to the webhook URL (in-process). */
export async function postDelivery (app: FastifyInstance, body: string | Buffer, headers: Record<string, string> = {}, url = '/api/v2/webhooks/orders'): Promise<LightMyRequestResponse> {
  return await app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/json', ...headers } })
}

export async function postJson (app: FastifyInstance, payload: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return await postDelivery(app, JSON.stringify(payload), headers)
}

/** Computed here with node:crypto, independently of the code under test. */
export function hexHmac (secret: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(body).digest('hex')
}

export function base64Hmac (secret: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(body).digest('base64')
}
