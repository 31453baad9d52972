import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { postJson } from '../helpers/post-order.ts'
import { dashboardInChromium, hasChromium, openPage, type ServedApp } from '../helpers/browser.ts'

// During a release orders land several a second. The page's timers run on Playwright's clock, so "several a second"
// is exact: an order, then a gap shorter than the page's delay, six times over, each order seen on the stream before
// the clock moves. The page must act during the burst, not wait for a quiet moment that a release does not have.
const ORDERS = 6

async function burst (page: Page, server: ServedApp, prefix: string, gapMs: number, seen: (n: string) => Promise<void>): Promise<void> {
  for (let i = 0; i < ORDERS; i++) {
    const orderNumber = `${prefix}-${i}`
    expect((await postJson(server.app, { order_number: orderNumber, product: `${prefix} shoe`, total: '10.00' })).statusCode).toBe(200)
    await seen(orderNumber)
    await page.clock.runFor(gapMs)
  }
}

/** From here on the page's time moves only when the test says so. */
async function pauseClock (page: Page): Promise<void> {
  await page.clock.install({ time: Date.now() })
  await page.clock.pauseAt(Date.now() + 1000)
}

describe.skipIf(!hasChromium())('dashboard while orders land several a second, in Chromium', () => {
  const { browser, server } = dashboardInChromium()

  it('recomputes the overview\'s figures during the burst, not only once it is over', async () => {
    const page = await openPage(browser())
    await pauseClock(page)
    await page.goto(`${server().origin}/#/`)
    const orders = page.locator('.card', { hasText: 'Orders' }).locator('.stat-value').first()
    await expect.poll(async () => await orders.textContent()).toBe('0')
    // Figures wait 1 s after an order; orders come every 0.4 s.
    await burst(page, server(), 'BURST', 400, async (n) => { await page.locator('.live-orders', { hasText: n }).waitFor() })
    await expect.poll(async () => await orders.textContent()).toBe(String(ORDERS))
    await page.close()
  })

  it('shows the new matches of a searched list during the burst', async () => {
    const page = await openPage(browser())
    await pauseClock(page)
    await page.goto(`${server().origin}/#/orders?q=SEARCHED`)
    await page.getByText('No orders match.').waitFor()
    const arrived = new Set<string>()
    await page.exposeFunction('noteOrderEvent', (orderNumber: string) => { arrived.add(orderNumber) })
    // A second stream in the page tells the test when an order's event reached it (by its number: an event can arrive
    // before the test looks, so counting events from the moment it looks would wait for one more that never comes).
    await page.evaluate(() => {
      const note = (window as unknown as { noteOrderEvent: (n: string) => void }).noteOrderEvent
      const stream = new EventSource('/api/v2/stream')
      stream.addEventListener('ready', () => { note('(ready)') })
      stream.addEventListener('order.created', (event) => {
        const { order } = JSON.parse((event as MessageEvent<string>).data) as { order: { order_number: string } }
        note(order.order_number)
      })
    })
    // A stream starts from now: the first order must not go out before it is live.
    await expect.poll(() => arrived.has('(ready)')).toBe(true)
    // A searched list is fetched again 0.3 s after an order; orders come every 0.2 s.
    await burst(page, server(), 'SEARCHED', 200, async (n) => {
      await expect.poll(() => arrived.has(n)).toBe(true)
    })
    await expect.poll(async () => await page.locator('table.orders tbody tr').count()).toBeGreaterThanOrEqual(ORDERS - 1)
    await page.close()
  })
})
