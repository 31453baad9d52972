import { describe, expect, it } from 'vitest'
import { postJson } from '../helpers/post-order.ts'
import { dashboardInChromium, hasChromium, openPage, screenshot } from '../helpers/browser.ts'

// Senders write what they like, without spaces too: a store named by its URL, a bot's status code, a key of extra.
const UNBROKEN = {
  order_number: `LONG-${'9'.repeat(120)}`,
  product: 'P'.repeat(400),
  store: `https://www.example-reseller-store.com/collections/${'s'.repeat(150)}`,
  profile: 'profile_'.repeat(30),
  proxy_list: 'proxies-'.repeat(30),
  status: `checkout_${'x'.repeat(120)}`,
  customer_name: 'N'.repeat(200),
  email: `${'e'.repeat(60)}@${'d'.repeat(120)}.com`,
  total: '12.00',
  [`key_${'k'.repeat(100)}`]: 'v'.repeat(300)
}

describe.skipIf(!hasChromium())('dashboard with long values that have no spaces, in Chromium', () => {
  const { browser, server } = dashboardInChromium(async (served) => {
    expect((await postJson(served.app, UNBROKEN)).statusCode).toBe(200)
    expect((await postJson(served.app, { order_number: 'SHORT-1', store: 'Nike', total: '5.00' })).statusCode).toBe(200)
  })

  for (const width of [1280, 375]) {
    it(`keeps every page within the ${width} px screen: no sideways scrolling`, async () => {
      const page = await openPage(browser(), { viewport: { width, height: 800 } })
      for (const [route, ready] of [['#/', 'Top stores'], ['#/orders', 'SHORT-1'], ['#/orders/1', 'Details'], ['#/deliveries', 'SHORT-1']] as const) {
        await page.goto(`${server().origin}/${route}`)
        await page.getByText(ready).first().waitFor()
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
        expect(scrollWidth, `${route} at ${width} px`).toBeLessThanOrEqual(width)
      }
      await screenshot(page, `long-values-${width}`)
      await page.close()
    })
  }

  it('says why an order cannot be shown in the server\'s words, for an id that does not exist or is not a number', async () => {
    const page = await openPage(browser())
    for (const [id, words] of [
      ['999999', 'Could not load order 999999: no order with id 999999'],
      ['abc', 'Could not load order abc: URL parameter id must be integer'],
      // A link cut short in the middle of an escape: decoding it threw, and the page stayed blank.
      ['12%E0%A4%A', 'Could not load order 12%E0%A4%A: URL parameter id must be integer']
    ]) {
      await page.goto(`${server().origin}/#/orders/${id}`)
      await expect.poll(async () => await page.locator('main p.error').textContent()).toBe(words)
    }
    await page.close()
  })
})
