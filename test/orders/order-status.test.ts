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
    ['partially_shipped', 'partially-shipped']
  ])('reads %j as the documented %s', (given, stored) => {
    expect(normalizeStatus(given)).toBe(stored)
  })

  it.each([
    ['In Transit', 'in transit'],
    ['Order Confirmed', 'order confirmed'],
    ['out_for_delivery', 'out_for_delivery'],
    ['cancelled by retailer', 'cancelled by retailer']
  ])('keeps %j as written, lower-cased (%s)', (given, stored) => {
    expect(normalizeStatus(given)).toBe(stored)
  })
})
