import { describe, expect, it } from 'vitest'
import { parseMoney } from '../../src/orders/parse-money.ts'

describe('parseMoney', () => {
  it.each([
    [99.99, '99.99'],
    ['$1,299.00', '1299.00'],
    ['USD 12.5', '12.50'],
    ['-3.10', '-3.10'],
    ['179,99 €', '179.99'],
    ['€179,99', '179.99'],
    ['12,5', '12.50'],
    ['1.299,50 €', '1299.50'],
    ['EUR 12.345.678,90', '12345678.90'],
    ['1 299,50 €', '1299.50'],
    ['1\u00a0299,50\u00a0€', '1299.50'],
    ['1\u202f299,50 €', '1299.50'],
    ["CHF 1'299.50", '1299.50'],
    ['1’299.50', '1299.50'],
    ['£1 299', '1299.00'],
    ['Free', '0.00'],
    [' FREE ', '0.00'],
    ['1,299', '1299.00'],
    ['19.999', '20.00'],
    ['￥19,800', '19800.00'],
    ['¥19,800', '19800.00'],
    ['JPY 19800', '19800.00'],
    ['19,800円', '19800.00'],
    ['¥19,800 (税込)', '19800.00'],
    ['19,800円（税込）', '19800.00'],
    ['JPY 19.800', '19800.00'],
    ['19.800 ¥', '19800.00'],
    ['₩159,000', '159000.00'],
    ['CN¥128.50', '128.50'],
    ['129,99 zł', '129.99'],
    ['$210 (incl. tax)', '210.00']
  ])('reads %j as %s', (given, stored) => {
    expect(parseMoney(given, 'price')).toBe(stored)
  })

  it('reads a dot before three digits as thousands in the order\'s currency when it has no minor unit', () => {
    expect(parseMoney('19.800', 'price', 'JPY')).toBe('19800.00')
    expect(parseMoney('19.800', 'price', 'USD')).toBe('19.80')
  })

  it.each([
    'abc', '1.2.3', '1,2,3', '12,345,67', '1.299,5.0', '1 29,50', "1'29.50", '', '€', '1,299,50', '12,345.678,90'
  ])('refuses %j naming the field', (given) => {
    expect(() => parseMoney(given, 'total')).toThrow(/^total must be an amount/)
  })

  it.each([
    ['spaces between the amount and a word', `1${' '.repeat(4000)}x1`],
    ['spaces after a parenthesis', `(${' '.repeat(4000)}1`]
  ])('refuses at once a long text that is no amount: %s', (_name, given) => {
    const started = performance.now()
    expect(() => parseMoney(given, 'price')).toThrow(/^price must be an amount/)
    // The currency patterns backtracked for 90 s on the second of these.
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('names a number too large for a double as it arrived, not as null', () => {
    expect(() => parseMoney(JSON.parse('1e400'), 'price')).toThrow('got Infinity')
  })
})
