import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { readEmail } from '../../../src/email/read-email.ts'
import { BOT_ACCOUNT, type EmailCase } from './email-case.ts'
import { fixturePath } from './fixture-path.ts'

/** One test per case: read the fixture from disk and compare with what the case expects. */
export function testEmailCases (cases: readonly EmailCase[]): void {
  for (const emailCase of cases) {
    const { expect: wanted } = emailCase
    const order = wanted.orderNumber === null ? 'no order number' : `order ${wanted.orderNumber}`
    it(`reads ${emailCase.name}.eml as a ${wanted.kind} from ${wanted.retailer} for ${order}`, async () => {
      const reading = await readEmail(readFileSync(fixturePath(emailCase.name)))
      expect(reading.problems).toHaveLength(wanted.problems ?? 0)
      expect(reading.retailer).toBe(wanted.retailer)
      expect(reading.kind).toBe(wanted.kind)
      if (wanted.orderNumber === null) {
        expect(reading.patch).toBeUndefined()
        return
      }
      const patch = reading.patch
      expect(patch?.orderNumber).toBe(wanted.orderNumber)
      expect(patch?.fields.email).toBe(BOT_ACCOUNT)
      expect(patch?.extra).toMatchObject({ email_kind: wanted.kind, retailer: wanted.retailer })
      if (wanted.store !== undefined) expect(patch?.fields.store).toBe(wanted.store)
      if (wanted.status !== undefined) expect(patch?.fields.status).toBe(wanted.status ?? undefined)
      if (wanted.trackings !== undefined) expect(patch?.trackings ?? []).toEqual(wanted.trackings)
      for (const field of ['product', 'size', 'quantity', 'price', 'total'] as const) {
        if (wanted[field] !== undefined) expect(patch?.fields[field], field).toBe(wanted[field])
      }
      if (wanted.cancelledItems !== undefined) expect(reading.cancelledItems).toEqual(wanted.cancelledItems)
    })
  }
}
