import { describe, expect, it } from 'vitest'
import { normalizePatch } from '../../src/orders/normalize-patch.ts'

describe('normalizePatch', () => {
  it('leaves out a field with nothing but control characters, as it leaves out an empty one', () => {
    const patch = normalizePatch({
      orderNumber: 'N-1',
      fields: { product: '\u0000', trackingNumber: '\u0000\u0007', email: 'a@b.c\u0000', status: ' \u001b ' },
      trackings: [{ number: '\u0000' }]
    })
    expect(patch.fields).toEqual({ email: 'a@b.c' })
    expect(patch.trackings).toEqual([])
  })

  it.each(['undefined', 'null', 'N/A', '-', '[object Object]'])('refuses the order number %j, a word for no number', (written) => {
    expect(() => normalizePatch({ orderNumber: written, fields: {} })).toThrow(`order_number ${JSON.stringify(written)} stands for no number`)
  })

  it.each([
    ['€45,50', undefined, 'EUR'],
    ['USD 12.5', undefined, 'USD'],
    ['CA$210.00', undefined, 'CAD'],
    ['US$99.99', undefined, 'USD'],
    ['S$99.99', undefined, 'SGD'],
    ['£89.99', 'gbp', 'GBP'],
    ['€45,50', 'usd', 'USD'],
    ['$45.50', undefined, undefined],
    [45.5, undefined, undefined]
  ])('takes the currency of a total written %j (currency field %j) as %j', (total, currency, expected) => {
    const patch = normalizePatch({ orderNumber: 'C-1', fields: { total, currency } })
    expect(patch.fields.currency).toBe(expected)
    expect('currency' in patch.fields).toBe(expected !== undefined)
  })

  it.each([['x2', 2], ['2x', 2], ['×3', 3], [' 2 pcs ', 2], ['2 pairs', 2], ['1 unit', 1], ['4.0', 4], ['+5', 5]])('reads the quantity %j as %i', (written, expected) => {
    expect(normalizePatch({ orderNumber: 'Q-1', fields: { quantity: written }, items: [{ title: 'Dunk', quantity: written }] })).toMatchObject({
      fields: { quantity: expected }, items: [{ quantity: expected }]
    })
  })

  it.each(['two', '2.5', 'x', '2 x 3', '-1', '2 boxes of 6'])('refuses the quantity %j, naming the field', (written) => {
    expect(() => normalizePatch({ orderNumber: 'Q-1', fields: { quantity: written } })).toThrow(/^quantity must be a whole number/)
  })

  it.each([
    ['john@example.com:hunter2', 'john@example.com'],
    ['john@example.com | p@ss:word', 'john@example.com'],
    ['john@example.com;Secret1', 'john@example.com'],
    ['john@example.com', 'john@example.com'],
    ['not an address: but text', 'not an address: but text'],
    ['John Doe <john@example.com>', 'john@example.com'],
    ['"Doe, John" <john@example.com>', 'john@example.com'],
    ['mailto:john@example.com', 'john@example.com'],
    ['<mailto:john@example.com>', 'john@example.com']
  ])('keeps only the address of an account login %j (never its password), a named address or a mailto link', (written, stored) => {
    expect(normalizePatch({ orderNumber: 'E-1', fields: { email: written } }).fields.email).toBe(stored)
  })

  it.each([
    ['￥19,800', 'JPY'], ['¥19,800', 'JPY'], ['JPY 19800', 'JPY'], ['19,800円', 'JPY'], ['CN¥128', 'CNY'], ['$19,800', undefined]
  ])('names the currency of the amount %j as %s', (price, currency) => {
    expect(normalizePatch({ orderNumber: 'Y-1', fields: { price } }).fields.currency).toBe(currency)
  })

  it.each([['€', 'EUR'], ['¥', 'JPY'], ['円', 'JPY'], ['usd', 'USD'], [' JPY¥ ', 'JPY'], ['$', '$'], ['xau', 'XAU']])('stores the currency field %j as %s', (currency, stored) => {
    expect(normalizePatch({ orderNumber: 'C-1', fields: { currency } }).fields.currency).toBe(stored)
  })

  it('reads yen amounts a bot wrote with a thousands dot as whole yen, in the currency the order names', () => {
    expect(normalizePatch({ orderNumber: 'Y-2', fields: { price: '19.800', total: '21.780', currency: 'jpy' }, items: [{ title: 'Dunk', unitPrice: '19.800' }] })).toMatchObject({
      fields: { price: '19800.00', total: '21780.00', currency: 'JPY' }, items: [{ unitPrice: '19800.00' }]
    })
  })

  it('leaves the date alone when a script writes an unset time as 0, rather than storing 1970', () => {
    expect(normalizePatch({ orderNumber: 'D-0', fields: { orderDate: 0, product: 'Dunk' }, sourceUpdatedAt: '0' })).toEqual({ orderNumber: 'D-0', fields: { product: 'Dunk' } })
  })

  it('refuses an order number of control characters alone', () => {
    expect(() => normalizePatch({ orderNumber: '\u0000\u0001', fields: {} })).toThrow('order_number is required')
  })
})
