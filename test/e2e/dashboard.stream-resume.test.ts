import { describe, expect, it } from 'vitest'
import { dashboardInChromium, hasChromium, openPage } from '../helpers/browser.ts'

// The stream's `ready` event carries the last delivery id (docs/api.md) so that a client that has seen no delivery yet
// can still resume from there. EventSource resumes by itself after a dropped connection, but after a refused one (503
// while the server stops, 401) it gives up and the dashboard opens a new one, which knows only what the page kept.
describe.skipIf(!hasChromium())('dashboard live stream resuming in Chromium', () => {
  const { browser, server } = dashboardInChromium()

  it('resumes after a refused reconnect from the id of the ready event when no delivery came since the page opened', async () => {
    const page = await openPage(browser())
    const requested: string[] = []
    let calls = 0
    await page.route('**/api/v2/stream*', async (route) => {
      calls++
      requested.push(route.request().url())
      if (calls === 1) {
        await route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: 'retry: 50\n\nid: 41\nevent: ready\ndata: {"last_event_id":41}\n\n' })
      } else if (calls === 2) {
        await route.fulfill({ status: 503, contentType: 'application/json', body: '{"success":false,"error":{"code":"STREAM_UNAVAILABLE","message":"stopping"}}' })
      } else {
        await route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: ': held\n\n' })
      }
    })
    await page.goto(`${server().origin}/#/orders`)
    await expect.poll(() => calls, { timeout: 10_000 }).toBeGreaterThanOrEqual(3)
    expect(new URL(requested[2] ?? '').searchParams.get('last_event_id')).toBe('41')
    await page.close()
  })
})
