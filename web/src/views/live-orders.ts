import { getJson } from '../api.ts'
import { h } from '../dom.ts'
import { type StreamEvent, subscribe } from '../stream.ts'
import type { Order, OrderPage } from '../types.ts'
import { matchesQuery, orderOf, type OrderQuery } from './order-query.ts'
import { orderRow, ordersTable } from './order-rows.ts'

export interface LiveOrders {
  element: HTMLElement
  /** Fetches the first page again (after a filter change). */
  reload: () => void
  dispose: () => void
}

// Many orders a second land during a release: a list that has to be fetched again is fetched at most this often.
const RELOAD_DELAY_MS = 300
/** The API's largest page. */
const MAX_PAGE = 500

/** An orders table that follows the stream: new orders appear at the top, updated ones change in place. */
export function liveOrders (query: () => OrderQuery, options: { pageSize: number, paging: boolean }): LiveOrders {
  const body = h('tbody')
  const rows = new Map<number, HTMLTableRowElement>()
  const status = h('p', { class: 'muted', role: 'status' })
  const more = h('button', { type: 'button', hidden: true, 'data-testid': 'load-more' }, 'Load more')
  let cursor: string | null = null
  let generation = 0
  let reloadTimer: ReturnType<typeof setTimeout> | undefined

  // The stream's order events that came while the first page was being fetched: the page may have been read before
  // they were stored, so they are applied again once it replaces the list (else a new order vanished until a reload).
  let duringLoad: StreamEvent[] | undefined

  // New orders since the list was last fetched again for them (see keepShown below).
  let arrived = 0

  // `keepShown`: fetched again because orders changed, not because the filters did: as many rows as are shown now and
  // the new orders, so that a list paged with Load more (sorted by total, say) does not fall back to its first page at
  // every order.
  const load = async (reset: boolean, keepShown = false): Promise<void> => {
    const mine = reset ? ++generation : generation
    if (reset) duringLoad = []
    const limit = keepShown ? Math.min(MAX_PAGE, Math.max(options.pageSize, rows.size + arrived)) : options.pageSize
    if (keepShown) arrived = 0
    const page = await getJson<OrderPage>('/api/v2/orders', { ...query(), limit, cursor: reset ? undefined : cursor ?? undefined })
    // A newer reload started meanwhile (the user typed on): its answer wins.
    if (mine !== generation) return
    if (reset) { body.replaceChildren(); rows.clear() }
    for (const order of page.orders) put(order, 'end')
    cursor = page.next_cursor
    more.hidden = !options.paging || cursor === null
    status.textContent = rows.size === 0 ? 'No orders match.' : ''
    if (reset) {
      const missed = duringLoad ?? []
      duringLoad = undefined
      for (const event of missed) apply(event, true)
    }
  }
  const put = (order: Order, where: 'start' | 'end' | 'in-place' | 'in-order'): void => {
    const row = orderRow(order)
    row.dataset.createdAt = order.created_at
    const old = rows.get(order.id)
    rows.set(order.id, row)
    if (old !== undefined) old.replaceWith(row)
    else if (where === 'start') body.prepend(row)
    else if (where === 'in-order') body.insertBefore(row, Array.from(body.rows).find((other) => other !== row && !isNewer(order, other)) ?? null)
    else body.append(row)
    if (where !== 'end') row.classList.add('fresh')
    // A list without paging (the overview's latest orders) keeps its size: the oldest row makes way.
    if (!options.paging && rows.size > options.pageSize) {
      const oldest = body.lastElementChild as HTMLTableRowElement | null
      rows.delete(Number(oldest?.dataset.orderId))
      oldest?.remove()
    }
  }
  // Only called while the list is newest first (matchesQuery decides nothing for other sorts): by received, then id.
  const isWithinLoaded = (order: Order): boolean => {
    const last = body.lastElementChild as HTMLTableRowElement | null
    return cursor === null || (last !== null && !isNewer(order, last))
  }
  const showError = (error: unknown): void => { status.textContent = `Could not load orders: ${String(error)}` }
  const reload = (): void => { load(true).catch(showError) }
  // Scheduled once, never pushed back: orders arriving more often than the delay would put it off until a quiet moment.
  const reloadSoon = (): void => {
    if (reloadTimer !== undefined) return
    reloadTimer = setTimeout(() => {
      reloadTimer = undefined
      load(true, true).catch(showError)
    }, RELOAD_DELAY_MS)
  }

  more.addEventListener('click', () => { load(false).catch(showError) })
  const apply = (event: StreamEvent, again = false): void => {
    const order = orderOf(event.data)
    const matches = order === undefined ? undefined : matchesQuery(order, query())
    // A list only the server can sort out was fetched again when the event came (reloadSoon): nothing to apply twice.
    if (order === undefined || matches === undefined) {
      if (again) return
      if (event.type === 'order.created') arrived++
      reloadSoon()
      return
    }
    if (!matches) {
      rows.get(order.id)?.remove()
      rows.delete(order.id)
    } else if (rows.has(order.id)) {
      put(order, 'in-place')
    } else if (event.type === 'order.created') {
      put(order, 'start')
    } else if (isWithinLoaded(order)) {
      // An older order that now matches (shipped, in a list of shipped orders) goes where the list has it; one that
      // belongs on a page not loaded yet waits for Load more.
      put(order, 'in-order')
    }
    status.textContent = rows.size === 0 ? 'No orders match.' : ''
  }
  const unsubscribe = subscribe((event) => {
    if (event.type !== 'order.created' && event.type !== 'order.updated') return
    duringLoad?.push(event)
    apply(event)
  })
  reload()
  return {
    element: h('div', { class: 'live-orders' }, h('div', { class: 'table-wrap' }, ordersTable(body)), status, more),
    reload,
    dispose: () => {
      unsubscribe()
      clearTimeout(reloadTimer)
    }
  }
}

/** Whether the row shows an order received after `order` (the API's newest-first order: created_at, then id). */
function isNewer (order: Order, row: HTMLTableRowElement): boolean {
  const createdAt = row.dataset.createdAt ?? ''
  return createdAt > order.created_at || (createdAt === order.created_at && Number(row.dataset.orderId) > order.id)
}
