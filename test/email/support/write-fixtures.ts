// Writes test/fixtures/emails/*.eml from the cases: `npx tsx test/email/support/write-fixtures.ts`.
import { writeFileSync } from 'node:fs'
import { EMAIL_CASES } from '../cases/index.ts'
import { renderCase } from './email-case.ts'
import { fixturePath } from './fixture-path.ts'

for (const emailCase of EMAIL_CASES) writeFileSync(fixturePath(emailCase.name), renderCase(emailCase))
console.log(`wrote ${EMAIL_CASES.length} fixtures`)
