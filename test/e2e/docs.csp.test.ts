import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchBrowser } from '../helpers/browser.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'

// Swagger UI draws the whole page with script: only a real browser shows whether the CSP lets it.
describe.runIf(hasChromium())('Swagger UI under the security headers', () => {
  let t: TestApp
  let browser: Browser
  let base: string
  beforeAll(async () => {
    t = await buildTestApp('sqlite')
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await t.close()
  })

  it('renders /docs with the API\'s operations and no CSP violation', async () => {
    const page = await browser.newPage()
    const violations: string[] = []
    page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()) })
    await page.goto(`${base}/docs/`)
    await page.locator('.swagger-ui .info .title').filter({ hasText: 'ROMS API' }).waitFor({ timeout: 15_000 })
    await page.locator('.opblock-summary-path').first().waitFor({ timeout: 15_000 })
    expect(await page.locator('.opblock-summary-path', { hasText: '/api/v2/webhooks/orders' }).count()).toBeGreaterThan(0)
    expect(violations).toEqual([])
    await page.close()
  })
})
