import { describe } from 'vitest'
import { EMAIL_CASES } from './cases/index.ts'
import { testEmailCases } from './support/test-email-cases.ts'

describe('readEmail on the fixture emails of every retailer rule', () => {
  testEmailCases(EMAIL_CASES)
})
