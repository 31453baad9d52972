import { describe, expect, it } from 'vitest'
import { parseDate } from '../../src/orders/parse-date.ts'

describe('parseDate', () => {
  it.each([
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2026-12-31T23:59:59+01:00', '2026-12-31T22:59:59.000Z'],
    ['2026-11-30 10:00', '2026-11-30T10:00:00.000Z']
  ])('reads %j as %s', (given, stored) => {
    expect(parseDate(given, 'order_date')).toBe(stored)
  })

  it.each(['2026-02-29', '2026-02-30', '2026-04-31T10:00:00Z', '2026-13-01', '2026-00-10'])('refuses %j, a day that does not exist, instead of rolling it over', (given) => {
    expect(() => parseDate(given, 'order_date')).toThrow(/^order_date must be an ISO 8601 date/)
  })
})
