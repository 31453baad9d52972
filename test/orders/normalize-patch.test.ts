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

  it('refuses an order number of control characters alone', () => {
    expect(() => normalizePatch({ orderNumber: '\u0000\u0001', fields: {} })).toThrow('order_number is required')
  })
})
