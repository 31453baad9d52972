import { describe, expect, it } from 'vitest'
import { postJson } from '../helpers/post-order.ts'
import { dashboardInChromium, hasChromium, openPage } from '../helpers/browser.ts'

// A sender's text may hold bidi controls (U+202E RIGHT-TO-LEFT OVERRIDE, left open): on the page it must not turn the
// text around it backwards, as "Trojan Source" does in code: the timeline would read "new → old".
const RLO = '\u202e'

describe.skipIf(!hasChromium())('dashboard with bidi controls in sender text, in Chromium', () => {
  const { browser, server } = dashboardInChromium(async (served) => {
    expect((await postJson(served.app, { order_number: 'BIDI-1', product: `Dunk${RLO}`, status: `pending${RLO}`, total: '5.00', currency: `US${RLO}` })).statusCode).toBe(200)
    expect((await postJson(served.app, { order_number: 'BIDI-1', product: 'Boot', status: 'shipped' })).statusCode).toBe(200)
    expect((await postJson(served.app, { order_number: 'BIDI-2', total: '7.00', currency: 'EUR' })).statusCode).toBe(200)
  })

  it('keeps a change reading old → new when the old value leaves an override open', async () => {
    const page = await openPage(browser())
    await page.goto(`${server().origin}/#/orders/1`)
    const change = page.locator('[data-testid="timeline"] .changes li', { hasText: 'product' }).last()
    await change.locator('ins').waitFor()
    const old = await change.locator('del').boundingBox()
    const arrow = await change.evaluate((li) => {
      const range = document.createRange()
      const node = Array.from(li.childNodes).find((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').includes('→'))
      if (node === undefined) return null
      range.selectNodeContents(node)
      const box = range.getBoundingClientRect()
      return { x: box.x, width: box.width }
    })
    const added = await change.locator('ins').boundingBox()
    expect(old).not.toBeNull()
    expect(arrow).not.toBeNull()
    expect(added).not.toBeNull()
    expect(arrow?.x ?? 0).toBeGreaterThanOrEqual((old?.x ?? 0) + (old?.width ?? 0) - 1)
    expect(added?.x ?? 0).toBeGreaterThanOrEqual((arrow?.x ?? 0) + (arrow?.width ?? 0) - 1)
    await page.close()
  })

  it('keeps the overview\'s words in order around a currency that leaves an override open', async () => {
    const page = await openPage(browser())
    await page.goto(`${server().origin}/#/`)
    const note = page.locator('.stat-note', { hasText: 'Adds' })
    await note.waitFor()
    const text = await note.textContent() ?? ''
    // The code is shown as sent, isolated (U+2068 … U+2069) so that what follows it reads as written.
    expect(text).toContain(`\u2068US${RLO}\u2069`)
    await page.close()
  })
})
