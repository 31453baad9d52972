import { getJson } from '../api.ts'
import { h } from '../dom.ts'
import { replaceParams, type Route } from '../router.ts'
import { subscribe } from '../stream.ts'
import type { OrderStats } from '../types.ts'
import type { View } from '../view.ts'
import { rangeDays } from './day-series.ts'
import { liveOrders } from './live-orders.ts'
import { statsPanels } from './stats-panels.ts'

const RANGES = [7, 14, 30, 90]
const DEFAULT_RANGE = 14
// During a release orders land several a second: the figures are recomputed at most this often.
const REFRESH_DELAY_MS = 1000

/** Cards and charts for a range of days, and the latest orders as they land. */
export function overviewView (route: Route): View {
  let days = Number(route.params.get('days') ?? DEFAULT_RANGE)
  if (!RANGES.includes(days)) days = DEFAULT_RANGE
  const panels = h('div', {}, h('p', { class: 'muted' }, 'Loading…'))
  const range = h('select', { 'aria-label': 'Range' }, ...RANGES.map((n) => h('option', { value: n }, `Last ${n} days`)))
  range.value = String(days)
  const latest = liveOrders(() => ({}), { pageSize: 8, paging: false })

  const load = async (): Promise<void> => {
    const list = rangeDays(days)
    const stats = await getJson<OrderStats>('/api/v2/orders/stats', { from: list[0], to: list[list.length - 1] })
    panels.replaceChildren(statsPanels(stats, list))
  }
  const refresh = (): void => {
    load().catch((error: unknown) => panels.replaceChildren(h('p', { class: 'error' }, `Could not load the figures: ${String(error)}`)))
  }
  range.addEventListener('change', () => {
    days = Number(range.value)
    replaceParams({ days: String(days) })
    refresh()
  })
  let timer: ReturnType<typeof setTimeout> | undefined
  const unsubscribe = subscribe((event) => {
    // Scheduled once, never pushed back: put off at each order, the figures of a release (orders every half second)
    // were recomputed only once it was over.
    if (event.type === 'delivery' || timer !== undefined) return
    timer = setTimeout(() => {
      timer = undefined
      refresh()
    }, REFRESH_DELAY_MS)
  })
  refresh()
  const element = h('section', { class: 'overview-view' },
    h('div', { class: 'title-row' }, h('h1', {}, 'Overview'), range),
    panels,
    h('div', { class: 'title-row' }, h('h2', {}, 'Latest orders'), h('a', { href: '#/orders' }, 'All orders →')),
    latest.element
  )
  return {
    element,
    dispose: () => {
      unsubscribe()
      clearTimeout(timer)
      latest.dispose()
    }
  }
}
