import { getJson } from '../api.ts'
import { h } from '../dom.ts'
import { replaceParams, type Route } from '../router.ts'
import { subscribe } from '../stream.ts'
import type { DeliveryLog, DeliveryPage } from '../types.ts'
import type { View } from '../view.ts'
import { deliveryRows, deliveryTable } from './delivery-rows.ts'
import { notice } from './notice.ts'
import { replayDelivery } from './replay-delivery.ts'

const OUTCOMES = ['', 'created', 'updated', 'unchanged', 'duplicate', 'stale', 'ping', 'test', 'declined', 'rejected', 'unauthorized', 'failed']
const PAGE = 50

/** The delivery log: every post ROMS received, with rejected (4xx) and failed (5xx) ones marked and replayable. */
export function deliveriesView (route: Route): View {
  const filters = {
    outcome: route.params.get('outcome') ?? '',
    // Sources are ROMS's own lower-case names, as the API reads them; live deliveries are matched against this.
    source: (route.params.get('source') ?? '').trim().toLowerCase(),
    order_number: route.params.get('order_number') ?? ''
  }
  const body = h('tbody')
  const shown = new Set<number>()
  const status = h('p', { class: 'muted', role: 'status' })
  const more = h('button', { type: 'button', hidden: true }, 'Load more')
  let nextBefore: number | null = null
  let generation = 0

  const load = async (reset: boolean): Promise<void> => {
    const mine = reset ? ++generation : generation
    if (reset) { body.replaceChildren(); shown.clear() }
    const page = await getJson<DeliveryPage>('/api/v2/webhooks/logs', { ...filters, limit: PAGE, before: reset ? undefined : nextBefore ?? undefined })
    // A newer load began meanwhile (another filter chosen, a replay): only its answer may fill the table, else the
    // pages of two filters were mixed in one list.
    if (mine !== generation) return
    for (const log of page.logs) add(log, 'end')
    nextBefore = page.next_before
    more.hidden = nextBefore === null
    status.textContent = shown.size === 0 ? 'No deliveries yet.' : ''
  }
  const add = (log: DeliveryLog, where: 'start' | 'end'): void => {
    if (shown.has(log.id)) return
    shown.add(log.id)
    const rows = deliveryRows(log, { onReplay: replay })
    if (where === 'start') body.prepend(...rows)
    else body.append(...rows)
  }
  const replay = (log: DeliveryLog, button: HTMLButtonElement): void => {
    button.disabled = true
    replayDelivery(log).then((result) => {
      element.prepend(notice(result.summary, result.ok ? 'ok' : 'error'))
      return load(true)
    }).catch((error: unknown) => {
      element.prepend(notice(`Replay of #${log.id} failed: ${String(error)}`, 'error'))
    }).finally(() => { button.disabled = false })
  }
  const matches = (log: DeliveryLog): boolean => (filters.outcome === '' || log.outcome === filters.outcome) &&
    (filters.source === '' || log.source === filters.source) && (filters.order_number === '' || log.order_number === filters.order_number)

  const outcome = h('select', { name: 'outcome', 'aria-label': 'Outcome' }, ...OUTCOMES.map((o) => h('option', { value: o }, o === '' ? 'All outcomes' : o)))
  outcome.value = filters.outcome
  const source = h('input', { type: 'search', name: 'source', placeholder: 'Source (shopify, discord…)', value: filters.source, 'aria-label': 'Source' })
  const orderNumber = h('input', { type: 'search', name: 'order_number', placeholder: 'Order number', value: filters.order_number, 'aria-label': 'Order number' })
  const apply = (): void => {
    filters.outcome = outcome.value
    filters.source = source.value.trim().toLowerCase()
    filters.order_number = orderNumber.value.trim()
    replaceParams(filters)
    load(true).catch(showError)
  }
  outcome.addEventListener('change', apply)
  for (const input of [source, orderNumber]) input.addEventListener('change', apply)
  more.addEventListener('click', () => { load(false).catch(showError) })
  const showError = (error: unknown): void => { status.textContent = `Could not load deliveries: ${String(error)}` }

  const element = h('section', { class: 'deliveries-view' },
    h('h1', {}, 'Deliveries'),
    h('p', { class: 'muted' }, 'Rejected deliveries (4xx) were refused as sent: fix the sender. Failed ones (5xx) were ROMS\'s fault: replay them.'),
    h('div', { class: 'filters' }, outcome, source, orderNumber),
    h('div', { class: 'table-wrap' }, deliveryTable(body)),
    status,
    more
  )
  load(true).catch(showError)
  const unsubscribe = subscribe((event) => {
    if (event.type === 'delivery' && isDelivery(event.data) && matches(event.data)) add(event.data, 'start')
  })
  return { element, dispose: unsubscribe }
}

function isDelivery (data: unknown): data is DeliveryLog {
  return typeof data === 'object' && data !== null && typeof (data as DeliveryLog).id === 'number' && typeof (data as DeliveryLog).status_code === 'number'
}
