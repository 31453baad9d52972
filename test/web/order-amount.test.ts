import { describe, expect, it } from 'vitest'
import { orderAmount } from '../../web/src/order-amount.ts'

describe('orderAmount (the dashboard\'s Total column)', () => {
  it.each([
    [{ total: '60.00', price: '50.00', quantity: 2 }, '60.00'],
    [{ total: null, price: '19.99', quantity: 3 }, '59.97'],
    [{ total: null, price: '120.00', quantity: null }, '120.00'],
    [{ total: null, price: '0.10', quantity: 10 }, '1.00'],
    [{ total: null, price: null, quantity: 2 }, null]
  ])('shows %j as %s, as the stats count it', (order, shown) => {
    expect(orderAmount(order)).toBe(shown)
  })
})
