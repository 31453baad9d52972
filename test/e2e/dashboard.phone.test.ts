import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { dashboardInChromium, hasChromium, openPage, screenshot } from '../helpers/browser.ts'
import { postJson } from '../helpers/post-order.ts'

/** On how many lines the longest-wrapped piece of text in each cell of a delivery's row is laid out. */
async function deliveryCellLines (page: Page, id: number): Promise<Record<string, number>> {
  return await page.locator(`tr[data-delivery-id="${id}"] td`).evaluateAll((cells) => Object.fromEntries(cells.map((cell) => {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
    let lines = 0
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if ((node.textContent ?? '').trim() === '') continue
      const range = document.createRange()
      range.selectNodeContents(node)
      lines = Math.max(lines, new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size)
    }
    return [cell.dataset.label ?? '', lines]
  })))
}

describe.skipIf(!hasChromium())('dashboard on a phone in Chromium', () => {
  const { browser, server } = dashboardInChromium(async (served) => {
    expect((await postJson(served.app, { order_number: 'PH-1', total: 'lots' })).statusCode).toBe(400)
  })

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

  it('shows a refused delivery on a phone as a card: the error under its label, nothing to scroll sideways', async () => {
    const page = await openPage(browser(), { viewport: { width: 375, height: 700 }, isMobile: true, hasTouch: true })
    await page.goto(`${server().origin}/#/deliveries`)
    const row = page.locator('tr.delivery.rejected').first()
    await row.waitFor()
    const wrap = await page.locator('.table-wrap').first().evaluate((element) => [element.scrollWidth, element.clientWidth])
    expect(wrap[0], 'the table scrolls sideways').toBeLessThanOrEqual(wrap[1] ?? 0)
    const error = await row.locator('td[data-label="Error"]').boundingBox()
    expect(error?.width ?? 0).toBeGreaterThan(250)
    await screenshot(page, 'phone-375-deliveries')
    await page.close()
  })

  it('keeps the short cells of a delivery on one line beside a long error, at desktop width', async () => {
    const page = await openPage(browser(), { viewport: { width: 1280, height: 800 } })
    await page.goto(`${server().origin}/#/deliveries`)
    await page.locator('tr.delivery.rejected').first().waitFor()
    const id = Number(await page.locator('tr.delivery.rejected').first().getAttribute('data-delivery-id'))
    const lines = await deliveryCellLines(page, id)
    expect(lines).toMatchObject({ Id: 1, Received: 1, Source: 1, Status: 1, Outcome: 1, Order: 1 })
    await page.close()
  })
})
