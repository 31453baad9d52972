import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { RETAILER_RULES, type RetailerRule } from '../../src/email/retailers/index.ts'
import { buildDashboard, hasChromium, launchBrowser, openPage, type PageProblems, screenshot, serveTestApp, type ServedApp, watchPage } from '../helpers/browser.ts'

const FIXTURES = join(import.meta.dirname, '../fixtures/emails')

function fixture (name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(join(FIXTURES, `${name}.eml`)))
}

// A retailer the built-in rules do not know: the subject says nothing generic and the order number has no label.
function cardtopiaEmail (n: number, subject = 'Your cards are in the mail'): string {
  return [
    'From: Cardtopia <orders@mail.cardtopia.example>',
    'To: bot7@reseller.example',
    `Subject: ${subject}`,
    'Date: Mon, 03 Mar 2025 14:05:00 +0000',
    `Message-ID: <ct-${n}@mail.cardtopia.example>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Hi Sam, CT-00${12345 + n} left our warehouse today.`,
    ''
  ].join('\r\n')
}

const cardtopia: RetailerRule = {
  id: 'cardtopia',
  name: 'Cardtopia',
  senders: [{ domain: 'cardtopia.example' }],
  subjects: { shipping: [/\byour cards are in the mail\b/i] },
  orderNumbers: [/\b(CT-\d{7})\b/]
}

describe.skipIf(!hasChromium())('dashboard emails view in Chromium', () => {
  let browser: Browser
  let server: ServedApp
  let page: Page
  let problems: PageProblems
  // The server reads with this list; pushing a rule onto it is adding a retailer without a restart.
  let rules: RetailerRule[]

  beforeAll(async () => {
    await buildDashboard()
    browser = await launchBrowser()
  })
  afterAll(async () => { await browser?.close() })

  beforeEach(async () => {
    rules = [...RETAILER_RULES]
    server = await serveTestApp({}, { emailRules: rules })
    page = await openPage(browser)
    problems = watchPage(page)
  })
  afterEach(async (context) => {
    await screenshot(page, `emails-${context.task.name.replace(/\W+/g, '-')}`)
    await page.close()
    await server.close()
  })

  async function postEmail (raw: string | Uint8Array<ArrayBuffer>): Promise<{ email_id: number, status: string }> {
    const response = await fetch(`${server.origin}/api/v2/emails`, { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: raw })
    expect(response.status).toBe(200)
    return await response.json() as { email_id: number, status: string }
  }

  it('lists a kept email with its problem, shows its message, and re-runs it before and after a rule is added', async () => {
    expect(await postEmail(fixture('nike-confirmation'))).toMatchObject({ status: 'applied' })
    const kept = await postEmail(cardtopiaEmail(0))
    expect(kept.status).toBe('unmatched')

    await page.goto(`${server.origin}/#/emails`)
    const row = page.locator(`tr.email[data-email-id="${kept.email_id}"]`)
    await row.waitFor()
    expect(await page.locator('tr.email').count()).toBe(1)
    expect(await row.textContent()).toContain('no order number found')
    expect(await row.textContent()).toContain('orders@mail.cardtopia.example')
    expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe('Emails')

    await row.getByTestId('open-email').click()
    expect(await page.getByTestId('raw-email').textContent()).toContain('CT-0012345 left our warehouse today.')
    await page.getByTestId('email-problems').filter({ hasText: 'no order number found' }).waitFor()

    await page.getByTestId('rerun').click()
    await page.getByTestId('rerun-outcome').filter({ hasText: 'Re-run: still unmatched: ' }).waitFor()
    expect(await row.getAttribute('data-status')).toBe('unmatched')

    rules.push(cardtopia)
    await page.getByTestId('rerun').click()
    await page.getByTestId('rerun-outcome').filter({ hasText: 'Re-run: applied to order CT-0012345 (created).' }).waitFor()
    await page.locator(`tr.email[data-email-id="${kept.email_id}"][data-status="applied"]`).waitFor()
    expect(await page.getByTestId('rerun').count()).toBe(0)
    await screenshot(page, 'emails-rerun-applied')

    await row.getByRole('link', { name: 'CT-0012345' }).click()
    await page.getByTestId('order-number').filter({ hasText: 'CT-0012345' }).waitFor()
    expect(problems.errors).toEqual([])
  })

  it('filters by status and pages with Load more', async () => {
    await postEmail(fixture('nike-confirmation'))
    for (let n = 1; n <= 55; n++) await postEmail(cardtopiaEmail(n))
    await page.goto(`${server.origin}/#/emails`)
    await page.locator('tr.email').first().waitFor()
    expect(await page.locator('tr.email').count()).toBe(50)
    expect(await page.locator('tr.email').first().textContent()).toContain('Your cards are in the mail')
    await page.getByTestId('load-more').click()
    await page.locator('tr.email').nth(54).waitFor()
    expect(await page.getByTestId('load-more').isHidden()).toBe(true)
    expect(await page.locator('tr.email[data-status="applied"]').count()).toBe(0)

    await page.getByRole('combobox', { name: 'Status' }).selectOption('applied')
    await page.locator('tr.email[data-status="applied"]').waitFor()
    expect(await page.locator('tr.email').count()).toBe(1)
    expect(page.url()).toContain('#/emails?status=applied')
    expect(await page.locator('tr.email a[href^="#/orders/"]').count()).toBe(1)

    await page.getByRole('combobox', { name: 'Status' }).selectOption('all')
    await page.getByTestId('load-more').waitFor()
    expect(await page.locator('tr.email').count()).toBe(50)
  })

  it('shows a subject and a message written like markup as text, at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    const kept = await postEmail(cardtopiaEmail(1, '<img src=x onerror=alert(1)>'))
    await page.goto(`${server.origin}/#/emails`)
    const row = page.locator(`tr.email[data-email-id="${kept.email_id}"]`)
    await row.getByTestId('open-email').click()
    expect(await row.getByTestId('open-email').textContent()).toBe('<img src=x onerror=alert(1)>')
    expect(await page.getByTestId('raw-email').textContent()).toContain('Subject: <img src=x onerror=alert(1)>')
    expect(await page.locator('main img').count()).toBe(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    expect(problems.dialogs).toEqual([])
  })
})
