import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { buildDashboard, hasChromium, launchBrowser, openPage, serveTestApp, type ServedApp, watchPage } from '../helpers/browser.ts'
import { hexHmac } from '../helpers/post-order.ts'

describe.skipIf(!hasChromium())('a list of orders on the dashboard', () => {
  let browser: Browser
  let server: ServedApp
  let page: Page

  beforeAll(async () => {
    await buildDashboard()
    browser = await launchBrowser()
    server = await serveTestApp({ WEBHOOK_SECRET: 'right-secret' })
    page = await openPage(browser)
  })
  afterAll(async () => {
    await server?.close()
    await browser?.close()
  })

  it('replays a list refused whole with a click and says what became of each order', async () => {
    const problems = watchPage(page)
    const body = JSON.stringify([{ order_number: 'LS-1', product: 'Dunk Low' }, { order_number: 'LS-2', product: 'Samba', qty: 'x2' }])
    const refused = await fetch(`${server.origin}/api/v2/webhooks/orders`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-webhook-signature': hexHmac('old-secret', body) }, body
    })
    expect(refused.status).toBe(401)
    await page.goto(`${server.origin}/#/deliveries`)
    const row = page.locator('tr.delivery.rejected')
    await row.waitFor()
    await row.getByTestId('replay').click()
    await page.getByText(/Replayed #\d+ as its 2 orders, 2 stored \(200\): #\d+ LS-1 created, #\d+ LS-2 created/).waitFor()
    await page.goto(`${server.origin}/#/orders`)
    await page.locator('tr[data-order-number="LS-2"]').waitFor()
    expect(problems.errors).toEqual([])
  })
})
