import { describe, expect, it } from 'vitest'
import { normalizeStatus } from '../../src/orders/order-status.ts'

describe('normalizeStatus', () => {
  it.each([
    ['  Shipped ', 'shipped'],
    ['Canceled', 'cancelled'],
    ['CANCELLED', 'cancelled'],
    ['On Hold', 'on-hold'],
    ['on_hold', 'on-hold'],
    ['Partially Shipped', 'partially-shipped'],
    ['partially_shipped', 'partially-shipped'],
    ['in_transit', 'shipped'],
    ['In Transit', 'shipped'],
    ['IN-TRANSIT', 'shipped'],
    ['out for delivery', 'shipped'],
    ['out_for_delivery', 'shipped'],
    ['Dispatched', 'shipped'],
    ['fulfilled', 'shipped'],
    ['completed', 'shipped'],
    ['canceled', 'cancelled'],
    ['Voided', 'cancelled'],
    ['refunded', 'refunded'],
    ['Refund', 'refunded'],
    ['Delivery Complete', 'delivered'],
    ['Awaiting Payment', 'pending'],
    ['paid', 'processing'],
    ['Payment Failed', 'failed'],
    ['On-Hold', 'on-hold'],
    ['partially fulfilled', 'partially-shipped']
  ])('reads %j as the documented %s', (given, stored) => {
    expect(normalizeStatus(given)).toBe(stored)
  })

  it.each([
    ['Order Confirmed', 'order confirmed'],
    ['Returned', 'returned'],
    ['cancelled by retailer', 'cancelled by retailer']
  ])('keeps %j as written, lower-cased (%s)', (given, stored) => {
    expect(normalizeStatus(given)).toBe(stored)
  })
})
