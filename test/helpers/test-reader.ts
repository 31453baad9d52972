import { describe, expect, it } from 'vitest'
import { isDomainError } from '../../src/domain-error.ts'
import type { PayloadReader, Reading } from '../../src/intake/delivery.ts'
import type { RawOrderPatch } from '../../src/orders/order-patch.ts'
import { ORDER_STATUSES } from '../../src/orders/order-status.ts'
import { normalizePatch } from '../../src/orders/normalize-patch.ts'

/** One delivery and what the reader must make of it: a reading, an error, or (with `matches: false`) no claim. */
export interface ReaderCase {
  name: string
  headers?: Record<string, string | undefined>
  body: unknown
  /** Compared with `toEqual`, so asymmetric matchers (`expect.objectContaining`) are allowed. */
  expected?: Reading
  error?: { code: string, field?: string, message?: RegExp }
  /** Whether the reader claims the delivery; true unless said otherwise. */
  matches?: boolean
}

/**
 * The suite every reader shares: each case checks that the reader claims the delivery, and what it reads. Every
 * order reading must also survive normalisation, keep to the documented status set and be JSON (no `bigint` left).
 */
export function testReader (reader: PayloadReader, cases: readonly ReaderCase[]): void {
  describe(`${reader.name} reader`, () => {
    for (const testCase of cases) {
      it(testCase.name, () => {
        const input = { headers: lowerCaseKeys(testCase.headers ?? {}), body: testCase.body }
        expect(reader.matches(input)).toBe(testCase.matches ?? true)
        if (testCase.matches === false && testCase.expected === undefined && testCase.error === undefined) return
        if (testCase.error !== undefined) {
          expectDomainError(() => reader.read(input), testCase.error)
          return
        }
        const reading = reader.read(input)
        if (testCase.expected !== undefined) expect(reading).toEqual(testCase.expected)
        expect(() => JSON.stringify(reading)).not.toThrow()
        if (reading.kind === 'order') expectNormalisable(reading.patch)
      })
    }
  })
}

/** An order reading with these exact fields; the rest of the patch (items, trackings, extra...) as far as given. */
export function orderReading (orderNumber: string, fields: RawOrderPatch['fields'], more: Partial<RawOrderPatch> = {}): Reading {
  return { kind: 'order', patch: expect.objectContaining({ orderNumber, fields, ...more }) as RawOrderPatch }
}

function expectNormalisable (patch: RawOrderPatch): void {
  const normalised = normalizePatch(patch)
  const status = normalised.fields.status
  if (status !== undefined) expect(ORDER_STATUSES).toContain(status)
}

function expectDomainError (read: () => unknown, expected: NonNullable<ReaderCase['error']>): void {
  let thrown: unknown
  try {
    read()
  } catch (error) {
    thrown = error
  }
  expect(isDomainError(thrown), `expected a DomainError, got ${String(thrown)}`).toBe(true)
  if (!isDomainError(thrown)) return
  expect(thrown.code).toBe(expected.code)
  if (expected.field !== undefined) expect(thrown.field).toBe(expected.field)
  if (expected.message !== undefined) expect(thrown.message).toMatch(expected.message)
}

function lowerCaseKeys (headers: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))
}
