import type { DeliveryResult } from '../intake/receive-delivery.ts'

const MESSAGES: Record<string, string> = {
  created: 'Order received and processed successfully',
  updated: 'Order received and processed successfully',
  unchanged: 'Order received and processed successfully',
  duplicate: 'Duplicate delivery: this delivery id was already processed, nothing changed',
  stale: 'Stale delivery: the order already holds newer data from this sender, nothing changed',
  ping: 'Webhook ping received',
  test: 'Test delivery received: no order was stored',
  declined: 'Declined checkout recorded: no order was stored'
}

/** The body a sender gets back. The guide's success body, with `action`; Discord's own shapes for bot posts. */
export function replyBody (result: DeliveryResult, receivedAt: Date): unknown {
  if (result.batch !== undefined) return batchBody(result, result.batch)
  if (result.error !== undefined) {
    return { success: false, error: result.error.field === undefined ? { code: result.error.code, message: result.error.message } : result.error }
  }
  if (result.statusCode === 204) return null
  if (result.source === 'discord') return discordMessage(result, receivedAt)
  const body: Record<string, unknown> = { success: true, message: MESSAGES[result.outcome] ?? 'Delivery received' }
  if (result.orderId !== undefined) body.order_id = result.orderId
  if (result.orderNumber !== undefined) body.order_number = result.orderNumber
  body.action = result.action ?? result.outcome
  return body
}

const DISCORD_EPOCH_MS = 1_420_070_400_000

/**
 * With `?wait=true` Discord answers 200 with the created message, and discord.js reads it as one; this is the
 * smallest message object it accepts, plus what ROMS did with the post.
 */
function discordMessage (result: DeliveryResult, receivedAt: Date): Record<string, unknown> {
  // A Discord snowflake: milliseconds since 2015 above 22 low bits, here the delivery id, so clients date it right.
  const id = String((BigInt(receivedAt.getTime() - DISCORD_EPOCH_MS) << 22n) | BigInt((result.logId ?? 0) & 0x3fffff))
  return {
    id,
    type: 0,
    content: '',
    channel_id: '0',
    author: { id: '0', username: 'ROMS', discriminator: '0000', avatar: null, bot: true },
    attachments: [],
    embeds: [],
    mentions: [],
    mention_roles: [],
    pinned: false,
    mention_everyone: false,
    tts: false,
    timestamp: receivedAt.toISOString(),
    edited_timestamp: null,
    flags: 0,
    components: [],
    webhook_id: '0',
    roms: { success: true, action: result.action ?? result.outcome, order_id: result.orderId ?? null, order_number: result.orderNumber ?? null }
  }
}

/** A list of orders: how many were stored, and each order's own answer (its delivery record, or its error). */
function batchBody (result: DeliveryResult, items: NonNullable<DeliveryResult['batch']>): Record<string, unknown> {
  const stored = items.filter((item) => item.result.statusCode < 300).length
  return {
    success: stored === items.length,
    message: `${stored} of ${items.length} orders received and processed`,
    ...(result.error === undefined ? {} : { error: { code: result.error.code, message: result.error.message } }),
    results: batchResults(items)
  }
}

/** Each order of a list, in its order: its delivery record, and its order and action, or its error. */
export function batchResults (items: NonNullable<DeliveryResult['batch']>): Array<Record<string, unknown>> {
  return items.map(({ index, result: one }) => {
    const answer: Record<string, unknown> = { index, success: one.error === undefined, delivery_id: one.logId }
    if (one.orderId !== undefined) answer.order_id = one.orderId
    if (one.orderNumber !== undefined) answer.order_number = one.orderNumber
    if (one.error === undefined) answer.action = one.action ?? one.outcome
    else answer.error = one.error
    return answer
  })
}
