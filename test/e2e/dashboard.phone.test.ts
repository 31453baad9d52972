import { describe, expect, it } from 'vitest'
import { dashboardInChromium, hasChromium, openPage, screenshot } from '../helpers/browser.ts'

describe.skipIf(!hasChromium())('dashboard on a phone in Chromium', () => {
  const { browser, server } = dashboardInChromium()

  it('wraps the top bar at 375 px so that every section link is within the screen', async () => {
    const page = await openPage(browser(), { viewport: { width: 375, height: 700 }, isMobile: true, hasTouch: true })
    await page.goto(`${server().origin}/#/orders`)
    await page.locator('main h1').waitFor()
    const links = page.locator('header.topbar nav a')
    expect(await links.count()).toBeGreaterThanOrEqual(5)
    for (const link of await links.all()) {
      const box = await link.boundingBox()
      expect(box, await link.textContent() ?? '').not.toBeNull()
      expect(box?.x ?? -1, await link.textContent() ?? '').toBeGreaterThanOrEqual(0)
      expect((box?.x ?? 0) + (box?.width ?? 0), await link.textContent() ?? '').toBeLessThanOrEqual(375)
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await page.getByRole('link', { name: 'Setup' }).click()
    await page.getByRole('heading', { name: 'Setup' }).waitFor()
    await screenshot(page, 'phone-375-topbar')
    await page.close()
  })
})
