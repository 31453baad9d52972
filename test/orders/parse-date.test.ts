import { describe, expect, it } from 'vitest'
import { parseDate } from '../../src/orders/parse-date.ts'

describe('parseDate', () => {
  it.each([
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2026-12-31T23:59:59+01:00', '2026-12-31T22:59:59.000Z'],
    ['2026-11-30 10:00', '2026-11-30T10:00:00.000Z'],
    ['2026-11-30t10:00:00z', '2026-11-30T10:00:00.000Z'],
    ['2026-11-30 10:00:00 +0000', '2026-11-30T10:00:00.000Z'],
    ['2026-11-30 19:00:00.5 +0900 JST', '2026-11-30T10:00:00.500Z'],
    ['2026-11-30 10:00:00 UTC', '2026-11-30T10:00:00.000Z'],
    ['2026-11-30T19:00:00+09', '2026-11-30T10:00:00.000Z'],
    ['2026-11-30T19:00:00.1234567+09:00', '2026-11-30T10:00:00.123Z'],
    ['Mon, 30 Nov 2026 10:00:00 GMT', '2026-11-30T10:00:00.000Z'],
    ['30 Nov 2026 19:00:00 +0900', '2026-11-30T10:00:00.000Z'],
    ['Mon Nov 30 2026 19:00:00 GMT+0900 (Japan Standard Time)', '2026-11-30T10:00:00.000Z'],
    ['/Date(1796032800000)/', '2026-11-30T10:00:00.000Z'],
    ['/Date(1796032800000+0900)/', '2026-11-30T10:00:00.000Z'],
    [{ value: '/Date(1796032800000)/', DisplayHint: 2, DateTime: 'Monday, November 30, 2026 10:00:00 AM' }, '2026-11-30T10:00:00.000Z'],
    [1796032800, '2026-11-30T10:00:00.000Z']
  ])('reads %j as %s', (given, stored) => {
    expect(parseDate(given, 'order_date')).toBe(stored)
  })

  it.each(['11/30/2026', '30.11.2026', '2026-11-30 10:00 JST', '2026-11-30 10:00 junk', 'Nov 30, 2026', -1, '0'])('refuses %j, which names no single moment', (given) => {
    expect(() => parseDate(given, 'order_date')).toThrow(/^order_date must be an ISO 8601 date/)
  })

  it.each(['2026-02-29', '2026-02-30', '2026-04-31T10:00:00Z', '2026-13-01', '2026-00-10'])('refuses %j, a day that does not exist, instead of rolling it over', (given) => {
    expect(() => parseDate(given, 'order_date')).toThrow(/^order_date must be an ISO 8601 date/)
  })
})
