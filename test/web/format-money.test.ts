import { describe, expect, it } from 'vitest'
import { formatMoney } from '../../web/src/format.ts'
import { mixedCurrencyNote, spendCurrency } from '../../web/src/spend-currency.ts'

describe('formatMoney (every amount the dashboard shows)', () => {
  it.each([
    ['1299.5', 'USD', '$1,299.50'],
    ['45.50', 'EUR', '€45.50'],
    ['12.00', 'POKEDOLLARS', '12.00 POKEDOLLARS'],
    ['1299.50', null, '1,299.50'],
    ['-3.00', undefined, '-3.00'],
    ['7', '', '7']
  ])('shows %s in %s as %s: no symbol when the order names no currency', (value, currency, shown) => {
    expect(formatMoney(value, currency)).toBe(shown)
  })
})

describe('the currency of the Overview\'s sums', () => {
  it.each([
    [[], null, null],
    [['USD'], 'USD', null],
    [[null], null, null],
    [['EUR', 'USD'], null, 'Adds EUR and USD as they are, not converted'],
    [['USD', null], null, 'Adds USD and orders without a currency as they are, not converted'],
    [['CAD', 'EUR', 'USD', null], null, 'Adds CAD, EUR, USD and orders without a currency as they are, not converted']
  ])('for orders in %j shows the symbol of %s and the note %s', (currencies, currency, note) => {
    expect(spendCurrency(currencies)).toBe(currency)
    expect(mixedCurrencyNote(currencies)).toBe(note)
  })
})
