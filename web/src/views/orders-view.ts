import { withQuery } from '../api.ts'
import { h } from '../dom.ts'
import { replaceParams, type Route } from '../router.ts'
import type { View } from '../view.ts'
import { liveOrders } from './live-orders.ts'
import { orderFilters } from './order-filters.ts'
import { readQuery } from './order-query.ts'

const PAGE = 50

export function ordersView (route: Route): View {
  let query = readQuery(route.params)
  const list = liveOrders(() => query, { pageSize: PAGE, paging: true })
  // A plain link: the sign-in cookie goes with it, and the server names the file. The export is always newest first.
  // The download is for a spreadsheet, and Excel reads UTF-8 as such only after a byte order mark (else accents garble).
  const exportLink = h('a', { class: 'button small', download: '' }, 'Export CSV')
  const updateExport = (): void => {
    const { sort, order, ...filters } = query
    exportLink.setAttribute('href', withQuery('/api/v2/orders/export.csv', { ...filters, bom: 'true' }))
  }
  updateExport()
  const filters = orderFilters(query, (next) => {
    query = next
    replaceParams(next)
    updateExport()
    list.reload()
  })
  const element = h('section', { class: 'orders-view' },
    h('div', { class: 'title-row' }, h('h1', {}, 'Orders'), exportLink),
    filters,
    list.element
  )
  return { element, dispose: list.dispose }
}
