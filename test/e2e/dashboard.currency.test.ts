import { describe, expect, it } from 'vitest'
import { dashboardInChromium, hasChromium, openPage, screenshot } from '../helpers/browser.ts'
import { seedOrders } from '../helpers/seed-orders.ts'

describe.skipIf(!hasChromium())('dashboard amounts and their currencies in Chromium', () => {
  const { browser, server } = dashboardInChromium(async (app) => {
    const at = new Date()
    await seedOrders(app.store, [
      { orderNumber: 'CUR-USD', at, fields: { product: 'Dunk', total: '100.00', currency: 'USD', store: 'Nike' } },
      { orderNumber: 'CUR-EUR', at, fields: { product: 'Samba', total: '45.50', currency: 'EUR', store: 'Adidas' } },
      { orderNumber: 'CUR-NONE', at, fields: { product: 'Booster', total: '12.00', store: 'Target' } }
    ])
  })

  it('shows an order without a currency as its amount alone, and one in euros with €', async () => {
    const page = await openPage(browser())
    await page.goto(`${server().origin}/#/orders`)
    await expect.poll(async () => await page.locator('tr[data-order-number="CUR-NONE"]').textContent()).toContain('12.00')
    expect(await page.locator('tr[data-order-number="CUR-NONE"]').textContent()).not.toContain('$')
    expect(await page.locator('tr[data-order-number="CUR-EUR"]').textContent()).toContain('€45.50')
    await page.close()
  })

  it('adds spend of mixed currencies as a bare sum that names them, never as one $ total', async () => {
    const page = await openPage(browser())
    await page.goto(`${server().origin}/#/`)
    const spend = page.locator('.card.stat', { hasText: 'Spend' })
    await spend.locator('.stat-value', { hasText: '157.50' }).waitFor()
    expect(await spend.locator('.stat-value').textContent()).toBe('157.50')
    expect(await spend.locator('.stat-note').textContent()).toBe('Adds EUR, USD and orders without a currency as they are, not converted')
    await screenshot(page, 'overview-mixed-currencies')
    await page.close()
  })
})
