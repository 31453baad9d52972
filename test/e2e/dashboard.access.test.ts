import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { buildDashboard, hasChromium, launchBrowser, openPage, screenshot, serveTestApp, type ServedApp, watchPage } from '../helpers/browser.ts'

const TOKEN = 'dashboard-test-token-0123456789'

describe.skipIf(!hasChromium())('dashboard sign-in and setup in Chromium', () => {
  let browser: Browser
  let server: ServedApp | undefined

  beforeAll(async () => {
    await buildDashboard()
    browser = await launchBrowser()
  })
  afterAll(async () => { await browser?.close() })
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it('signs in with the API token, then follows the live stream with the session cookie', async () => {
    server = await serveTestApp({ ROMS_API_TOKEN: TOKEN })
    const page = await openPage(browser)
    await page.goto(`${server.origin}/#/orders`)
    await page.getByLabel(/API token/).fill('not-the-token')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('that is not the API token').waitFor()
    await page.getByLabel(/API token/).fill(TOKEN)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByTestId('stream-state').filter({ hasText: 'Live' }).waitFor()
    await page.getByText('No orders match.').waitFor()
    const response = await fetch(`${server.origin}/api/v2/webhooks/orders`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ order_number: 'TG-5001', product: 'Pokemon TCG 151 Booster Bundle' })
    })
    expect(response.status).toBe(200)
    await page.locator('tr[data-order-number="TG-5001"]').waitFor({ timeout: 1000 })
    // The token itself is nowhere a script could read it: only the server's HttpOnly cookie remembers the sign-in.
    expect(await page.evaluate(() => JSON.stringify(localStorage) + document.cookie)).not.toContain(TOKEN)
    await screenshot(page, 'signed-in')
    await page.close()
  })

  it('names its icon on the sign-in page, so the browser never asks for /favicon.ico (a 404 in the console)', async () => {
    server = await serveTestApp({ ROMS_API_TOKEN: TOKEN })
    const page = await openPage(browser)
    const missing: string[] = []
    page.on('response', (response) => { if (response.status() === 404) missing.push(response.url()) })
    await page.goto(`${server.origin}/#/orders`)
    // Chromium asks for /favicon.ico only once the page has loaded and named no icon: the page's own link is what stops it.
    expect(await page.evaluate(() => document.querySelector('link[rel="icon"]')?.getAttribute('href'))).toMatch(/^data:/)
    await page.getByLabel(/API token/).fill(TOKEN)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('No orders match.').waitFor()
    expect(missing).toEqual([])
    await page.close()
  })

  it('returns to the link that was opened, its hash included, after signing in (a wrong token first)', async () => {
    server = await serveTestApp({ ROMS_API_TOKEN: TOKEN })
    const page = await openPage(browser)
    await page.goto(`${server.origin}/#/orders?status=pending&q=url`)
    await expect.poll(async () => await page.locator('input[name="return_to"]').inputValue()).toBe('/#/orders?status=pending&q=url')
    await page.getByLabel(/API token/).fill('not-the-token')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('that is not the API token').waitFor()
    await page.getByLabel(/API token/).fill(TOKEN)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('No orders match.').waitFor()
    expect(new URL(page.url()).hash).toBe('#/orders?status=pending&q=url')
    expect(await page.locator('select[name="status"]').inputValue()).toBe('pending')
    await page.close()
  })

  it('shows its own sign-in form when the session ends while the dashboard is open', async () => {
    server = await serveTestApp({ ROMS_API_TOKEN: TOKEN })
    const context = await browser.newContext()
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    await page.goto(`${server.origin}/`)
    await page.getByLabel(/API token/).fill(TOKEN)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.locator('.stat-value').first().waitFor()
    await context.clearCookies()
    await page.getByRole('link', { name: 'Deliveries' }).click()
    await page.getByRole('heading', { name: 'Sign in to ROMS' }).waitFor()
    await page.getByRole('textbox', { name: 'API token' }).fill(TOKEN)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: 'Deliveries' }).waitFor()
    await context.close()
  })

  it('shows the webhook URL and configured schemes, and sends a signed test order', async () => {
    server = await serveTestApp({ WEBHOOK_SECRET: 'setup-secret', WEBHOOK_URL_TOKEN: 'url-token-abc' })
    const page = await openPage(browser)
    const problems = watchPage(page)
    await page.goto(`${server.origin}/#/setup`)
    await page.getByText(`${server.origin}/api/v2/webhooks/orders`, { exact: true }).waitFor()
    const schemes = page.locator('table.schemes')
    await expect(schemes.locator('tr', { hasText: 'ROMS (the guide)' }).textContent()).resolves.toContain('yes')
    await expect(schemes.locator('tr', { hasText: 'Shopify' }).textContent()).resolves.toContain('no')
    expect(await page.locator('pre', { hasText: 'openssl dgst' }).textContent()).toContain(`${server.origin}/api/v2/webhooks/orders`)
    expect(await page.content()).not.toContain('url-token-abc')
    await page.getByLabel('Webhook secret').fill('setup-secret')
    await page.getByTestId('send-test-order').click()
    await page.getByRole('link', { name: /Open TEST-/ }).click()
    await page.getByTestId('order-product').filter({ hasText: 'ROMS test order' }).waitFor()
    expect(problems.errors).toEqual([])
    await screenshot(page, 'setup-test-order')
    await page.close()
  })
})
