import { readFile } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { buildDashboard, hasChromium, launchBrowser, openPage, type PageProblems, screenshot, serveTestApp, type ServedApp, watchPage } from '../helpers/browser.ts'
import { hexHmac } from '../helpers/post-order.ts'

async function post (server: ServedApp, payload: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return await fetch(`${server.origin}/api/v2/webhooks/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload)
  })
}

describe.skipIf(!hasChromium())('dashboard in Chromium', () => {
  let browser: Browser
  let server: ServedApp
  let page: Page
  let problems: PageProblems

  beforeAll(async () => {
    await buildDashboard()
    browser = await launchBrowser()
  })
  afterAll(async () => { await browser?.close() })

  beforeEach(async () => {
    server = await serveTestApp()
    page = await openPage(browser)
    problems = watchPage(page)
  })
  afterEach(async (context) => {
    await screenshot(page, context.task.name.replace(/\W+/g, '-'))
    await page.close()
    await server.close()
  })

  async function openLive (hash: string): Promise<void> {
    await page.goto(`${server.origin}/${hash}`)
    await page.getByTestId('stream-state').filter({ hasText: 'Live' }).waitFor()
  }

  it('shows a posted order in the table within a second, without a reload', async () => {
    await openLive('#/orders')
    await page.getByText('No orders match.').waitFor()
    await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true })
    const response = await post(server, { order_number: 'NK-1001', product: 'Air Jordan 1 Retro High OG', size: '10', store: 'Nike', price: 180 })
    expect(response.status).toBe(200)
    const posted = Date.now()
    const row = page.locator('tr[data-order-number="NK-1001"]')
    await row.waitFor({ timeout: 1000 })
    expect(Date.now() - posted).toBeLessThan(1000)
    await expect(row.textContent()).resolves.toContain('Air Jordan 1 Retro High OG')
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true)
    expect(problems.errors).toEqual([])
  })

  it('shows an older order in a filtered list, in its place, when a change makes it match', async () => {
    for (const [orderNumber, status] of [['SH-1', 'shipped'], ['SH-2', 'pending'], ['SH-3', 'shipped']]) {
      expect((await post(server, { order_number: orderNumber, product: 'Dunk Low', status })).status).toBe(200)
    }
    await openLive('#/orders?status=shipped')
    await page.locator('tr[data-order-number="SH-3"]').waitFor()
    await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true })
    expect((await post(server, { order_number: 'SH-2', status: 'shipped', tracking_number: '1Z999AA10123456784' })).status).toBe(200)
    await page.locator('tr[data-order-number="SH-2"]').waitFor({ timeout: 1000 })
    expect(await page.locator('tbody tr[data-order-number]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-number')))).toEqual(['SH-3', 'SH-2', 'SH-1'])
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true)
    expect(problems.errors).toEqual([])
  })

  it('keeps an order that landed while the list was being fetched, when the page was read before it was stored', async () => {
    expect((await post(server, { order_number: 'RC-1', product: 'Samba OG' })).status).toBe(200)
    // The list's answer is read from the server at once and handed to the page only after the next order's event came.
    let answered!: () => void
    const queried = new Promise<void>((resolve) => { answered = resolve })
    let release!: () => void
    const released = new Promise<void>((resolve) => { release = resolve })
    await page.route(/\/api\/v2\/orders\?/, async (route) => {
      const response = await route.fetch()
      answered()
      await released
      await route.fulfill({ response })
    })
    await page.goto(`${server.origin}/#/orders`)
    await queried
    await page.getByTestId('stream-state').filter({ hasText: 'Live' }).waitFor()
    expect((await post(server, { order_number: 'RC-2', product: 'Samba OG' })).status).toBe(200)
    await page.locator('tr[data-order-number="RC-2"]').waitFor()
    release()
    await page.locator('tr[data-order-number="RC-1"]').waitFor()
    expect(await page.locator('tbody tr[data-order-number]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-number')))).toEqual(['RC-2', 'RC-1'])
    await page.unrouteAll()
  })

  it('narrows the table to the orders a search matches', async () => {
    for (const [orderNumber, product, email] of [
      ['FL-2001', 'Yeezy Boost 350 V2', 'ana@example.com'],
      ['FL-2002', 'Dunk Low Panda', 'ben@example.com'],
      ['FL-2003', 'Yeezy Slide Onyx', 'cy@example.com']
    ]) expect((await post(server, { order_number: orderNumber, product, email, store: 'Foot Locker' })).status).toBe(200)
    await openLive('#/orders')
    await page.locator('tr[data-order-number="FL-2002"]').waitFor()
    await page.getByRole('searchbox', { name: 'Search orders' }).fill('yeezy')
    await page.locator('tr[data-order-number="FL-2002"]').waitFor({ state: 'detached' })
    expect(await page.locator('tbody tr[data-order-number]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-number')))).toEqual(['FL-2003', 'FL-2001'])
    await page.getByRole('searchbox', { name: 'Search orders' }).fill('ben@example')
    await page.locator('tr[data-order-number="FL-2001"]').waitFor({ state: 'detached' })
    expect(await page.locator('tbody tr[data-order-number]').count()).toBe(1)
    expect(page.url()).toContain('q=ben%40example')
  })

  it('exports the filtered orders as a CSV a spreadsheet reads as UTF-8 (byte order mark first)', async () => {
    expect((await post(server, { order_number: 'ZL-4001', product: 'Crème brûlée Dunk', customer_name: 'José Müller', store: 'Zalando DE' })).status).toBe(200)
    expect((await post(server, { order_number: 'NK-4002', product: 'Air Max 1', store: 'Nike' })).status).toBe(200)
    await openLive('#/orders?store=Zalando%20DE')
    await page.locator('tr[data-order-number="ZL-4001"]').waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()])
    const file = await readFile(await download.path())
    expect([...file.subarray(0, 3)]).toEqual([0xEF, 0xBB, 0xBF])
    const text = file.subarray(3).toString('utf8')
    expect(text).toContain('ZL-4001,pending,Crème brûlée Dunk')
    expect(text).toContain('José Müller')
    expect(text).not.toContain('NK-4002')
  })

  it('keeps the statuses a link names that the status list does not offer when a search is typed', async () => {
    for (const [orderNumber, product, status] of [['MS-1', 'Yeezy Slide', 'shipped'], ['MS-2', 'Yeezy Foam', 'delivered'], ['MS-3', 'Yeezy 350', 'pending']]) {
      expect((await post(server, { order_number: orderNumber, product, status })).status).toBe(200)
    }
    await openLive('#/orders?status=shipped,delivered')
    await page.locator('tr[data-order-number="MS-2"]').waitFor()
    expect(await page.locator('select[name="status"]').inputValue()).toBe('shipped,delivered')
    await page.getByRole('searchbox', { name: 'Search orders' }).fill('yeezy')
    await expect.poll(() => new URL(page.url()).hash).toBe('#/orders?q=yeezy&status=shipped%2Cdelivered')
    await page.locator('tr[data-order-number="MS-2"]').waitFor()
    expect(await page.locator('tbody tr[data-order-number]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-number')))).toEqual(['MS-2', 'MS-1'])
  })

  it('loads the next page of orders with Load more', async () => {
    for (let i = 1; i <= 55; i++) expect((await post(server, { order_number: `BB-${1000 + i}`, product: 'Pokemon 151 Booster Bundle', store: 'Best Buy' })).status).toBe(200)
    await openLive('#/orders')
    await page.locator('tr[data-order-number="BB-1055"]').waitFor()
    expect(await page.locator('tbody tr[data-order-number]').count()).toBe(50)
    await page.getByTestId('load-more').click()
    await page.locator('tr[data-order-number="BB-1001"]').waitFor()
    expect(await page.locator('tbody tr[data-order-number]').count()).toBe(55)
    expect(await page.getByTestId('load-more').isHidden()).toBe(true)
  })

  it('keeps the pages loaded with Load more when a list sorted by total is fetched again for a new order', async () => {
    for (let i = 1; i <= 55; i++) expect((await post(server, { order_number: `TT-${1000 + i}`, product: 'Charizard ex Box', total: `${100 + i}.00` })).status).toBe(200)
    await openLive('#/orders?sort=total')
    await page.locator('tr[data-order-number="TT-1055"]').waitFor()
    await page.getByTestId('load-more').click()
    await page.locator('tr[data-order-number="TT-1001"]').waitFor()
    expect((await post(server, { order_number: 'TT-2000', product: 'Charizard ex Box', total: '999.00' })).status).toBe(200)
    await page.locator('tr[data-order-number="TT-2000"]').waitFor()
    expect(await page.locator('tbody tr[data-order-number]').count()).toBe(56)
    expect(await page.locator('tr[data-order-number="TT-1001"]').count()).toBe(1)
  })

  it('opens an order with its timeline, tracking link and deliveries', async () => {
    await post(server, { order_number: 'SNK-3001', product: 'New Balance 550 White Green', store: 'Snipes', price: '110.00', status: 'pending' })
    await post(server, { order_number: 'SNK-3001', status: 'shipped', tracking_number: '1Z999AA10123456784', carrier: 'UPS' })
    await openLive('#/orders')
    await page.locator('tr[data-order-number="SNK-3001"]').click()
    const timeline = page.getByTestId('timeline')
    await timeline.waitFor()
    const events = timeline.locator('li.event')
    await expect(events.count()).resolves.toBe(2)
    await expect(events.nth(0).textContent()).resolves.toContain('Created')
    const update = await events.nth(1).textContent()
    expect(update).toContain('status')
    expect(update).toContain('pending')
    expect(update).toContain('shipped')
    expect(await page.getByTestId('tracking-link').first().getAttribute('href')).toContain('ups.com')
    await expect(page.locator('table.deliveries tr.delivery').count()).resolves.toBe(2)
  })

  it('shows only the deliveries of the outcome chosen last when an earlier choice answers after it', async () => {
    expect((await post(server, { order_number: 'DV-1', product: 'Dunk' })).status).toBe(200)
    expect((await post(server, { order_number: 'DV-2', total: 'lots' })).status).toBe(400)
    await openLive('#/deliveries')
    await page.locator('tr.delivery[data-outcome="rejected"]').waitFor()
    // The answer for "rejected" is held back until the one for "created", chosen after it, has been shown.
    let release!: () => void
    const released = new Promise<void>((resolve) => { release = resolve })
    await page.route(/\/api\/v2\/webhooks\/logs\?.*outcome=rejected/, async (route) => {
      const response = await route.fetch()
      await released
      await route.fulfill({ response })
    })
    const rejected = page.waitForResponse(/outcome=rejected/)
    await page.getByRole('combobox', { name: 'Outcome' }).selectOption('rejected')
    await page.getByRole('combobox', { name: 'Outcome' }).selectOption('created')
    await page.locator('tr.delivery[data-outcome="rejected"]').waitFor({ state: 'detached' })
    await page.locator('tr.delivery[data-outcome="created"]').waitFor()
    release()
    await rejected
    await page.evaluate(async () => await new Promise((resolve) => requestAnimationFrame(resolve)))
    expect(await page.locator('tr.delivery').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')))).toEqual(['created'])
    await page.unrouteAll()
  })

  it('marks a refused delivery and replays it with a click', async () => {
    await server.close()
    server = await serveTestApp({ WEBHOOK_SECRET: 'right-secret' })
    const body = JSON.stringify({ order_number: 'WM-4001', product: 'PlayStation 5 Slim', store: 'Walmart', price: '449.99' })
    const refused = await fetch(`${server.origin}/api/v2/webhooks/orders`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-webhook-signature': hexHmac('old-secret', body) }, body
    })
    expect(refused.status).toBe(401)
    await openLive('#/deliveries')
    const row = page.locator('tr.delivery.rejected')
    await row.waitFor()
    await row.getByTestId('replay').click()
    await page.getByText(/Replayed #\d+ as #\d+ \(200\)/).waitFor()
    await page.getByText(/replay of #\d+/).waitFor()
    await page.goto(`${server.origin}/#/orders`)
    await page.locator('tr[data-order-number="WM-4001"]').waitFor()
  })

  it('serves the page under a CSP that runs only its own script and stylesheet', async () => {
    const response = await fetch(`${server.origin}/`)
    expect(response.status).toBe(200)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("style-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const html = await response.text()
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/)
    expect(html).not.toMatch(/<style|style=/)
  })

  it('shows a product named like markup as text and runs nothing', async () => {
    const product = '<img src=x onerror=alert(1)>'
    await openLive('#/orders')
    await post(server, { order_number: 'XSS-1', product, store: '<script>alert(2)</script>', customer_name: '<b>bold</b>' })
    const row = page.locator('tr[data-order-number="XSS-1"]')
    await row.waitFor()
    expect(await row.locator('.product').textContent()).toBe(product)
    expect(await page.locator('main img').count()).toBe(0)
    await row.click()
    await page.getByTestId('order-product').filter({ hasText: product }).waitFor()
    expect(await page.locator('main img, main b, main script').count()).toBe(0)
    expect(problems.dialogs).toEqual([])
  })
})
