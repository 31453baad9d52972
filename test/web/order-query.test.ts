import { describe, expect, it } from 'vitest'
import type { Order } from '../../web/src/types.ts'
import { matchesQuery, readQuery } from '../../web/src/views/order-query.ts'

const order = { id: 1, order_number: 'A-1', status: 'shipped', store: 'Nike', source: 'generic', created_at: '2026-11-30T10:00:00.000Z' } as unknown as Order

describe('whether a streamed order belongs in the filtered list', () => {
  it('reads the status filter as the API does: comma-separated, spaces and capitals ignored', () => {
    for (const status of ['shipped', 'delivered,shipped', 'delivered, shipped', 'Shipped', ' SHIPPED ,pending', 'shipped,']) {
      expect(matchesQuery(order, readQuery(new URLSearchParams({ status }))), status).toBe(true)
    }
    expect(matchesQuery(order, readQuery(new URLSearchParams({ status: 'pending, delivered' })))).toBe(false)
  })

  it('reads the source filter as the API does: ROMS\'s own lower-case names, whatever the capitals typed', () => {
    for (const source of ['generic', 'Generic', ' GENERIC ']) {
      expect(matchesQuery(order, readQuery(new URLSearchParams({ source }))), source).toBe(true)
    }
    expect(matchesQuery(order, readQuery(new URLSearchParams({ source: 'Shopify' })))).toBe(false)
  })

  it('matches the exact filters exactly, and leaves search, dates and other sorts to the server', () => {
    expect(matchesQuery(order, { store: 'Nike' })).toBe(true)
    expect(matchesQuery(order, { store: 'nike' })).toBe(false)
    expect(matchesQuery(order, { q: 'nike' })).toBeUndefined()
    expect(matchesQuery(order, { from: '2026-11-01' })).toBeUndefined()
    expect(matchesQuery(order, { sort: 'total' })).toBeUndefined()
  })
})
