import type { Order } from './types.ts'

/**
 * What an order cost, as the stats count its spend: its total, else its price times its quantity (1 when not sent).
 * In cents, so "19.99" x 3 is "59.97" exactly.
 */
export function orderAmount (order: Pick<Order, 'total' | 'price' | 'quantity'>): string | null {
  if (order.total !== null) return order.total
  if (order.price === null) return null
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(order.price)
  if (match === null) return order.price
  const [, sign = '', whole = '0', fraction = ''] = match
  const cents = (BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'))) * BigInt(order.quantity ?? 1)
  return `${sign}${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`
}
