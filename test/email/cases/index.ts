import type { EmailCase } from '../support/email-case.ts'
import { adidasCases } from './adidas.ts'
import { amazonCases } from './amazon.ts'
import { bestBuyCases } from './best-buy.ts'
import { dicksCases } from './dicks.ts'
import { finishLineCases } from './finish-line.ts'
import { footLockerCases } from './foot-locker.ts'
import { forwardCases } from './forwards.ts'
import { genericCases } from './generic.ts'
import { hibbettCases } from './hibbett.ts'
import { internationalCases } from './international.ts'
import { languageCases } from './languages.ts'
import { nikeCases } from './nike.ts'
import { notOrderCases } from './not-orders.ts'
import { otherRetailerCases } from './others.ts'
import { shopifyCases } from './shopify.ts'
import { snipesCases } from './snipes.ts'
import { targetCases } from './target.ts'
import { walmartCases } from './walmart.ts'

/** Every fixture email; test/fixtures/emails holds one .eml per case, written by support/write-fixtures.ts. */
export const EMAIL_CASES: readonly EmailCase[] = [
  ...adidasCases,
  ...amazonCases,
  ...bestBuyCases,
  ...dicksCases,
  ...finishLineCases,
  ...footLockerCases,
  ...hibbettCases,
  ...nikeCases,
  ...otherRetailerCases,
  ...shopifyCases,
  ...snipesCases,
  ...targetCases,
  ...walmartCases,
  ...genericCases,
  ...forwardCases,
  ...notOrderCases,
  ...internationalCases,
  ...languageCases
]
