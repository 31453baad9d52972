import { type Child, h } from '../dom.ts'
import { formatBytes, formatWhen } from '../format.ts'
import { routeHref } from '../router.ts'
import type { DeliveryLog } from '../types.ts'
import { deliveryBody } from './delivery-body.ts'

/** 4xx: the sender sent something ROMS refused (fix the sender); 5xx: ROMS failed (replay it once fixed). */
export function deliveryKind (statusCode: number): 'ok' | 'rejected' | 'failed' {
  if (statusCode >= 500) return 'failed'
  if (statusCode >= 400) return 'rejected'
  return 'ok'
}

export interface DeliveryRowOptions {
  onReplay?: (log: DeliveryLog, button: HTMLButtonElement) => void
}

/** A delivery as a table row, and a hidden row under it that shows the raw body when the row is opened. */
export function deliveryRows (log: DeliveryLog, options: DeliveryRowOptions = {}): HTMLTableRowElement[] {
  const kind = deliveryKind(log.status_code)
  const detail = h('td', { colspan: 8 })
  const detailRow = h('tr', { class: 'delivery-detail', hidden: true }, detail)
  const toggle = h('button', { type: 'button', class: 'link', 'aria-expanded': 'false', title: 'Show the raw delivery' }, `#${log.id}`)
  toggle.addEventListener('click', () => {
    const open = detailRow.hidden
    detailRow.hidden = !open
    toggle.setAttribute('aria-expanded', String(open))
    if (open && detail.childElementCount === 0) detail.append(deliveryBody(log.id))
  })
  const replay = h('button', { type: 'button', class: kind === 'ok' ? 'small' : 'small primary', 'data-testid': 'replay' }, 'Replay')
  replay.addEventListener('click', () => options.onReplay?.(log, replay))
  const order = log.order_number === null
    ? ''
    : log.order_id === null ? log.order_number : h('a', { href: routeHref(['orders', log.order_id]) }, log.order_number)
  // Each cell carries its label, so the phone layout can show a delivery as a card.
  const cell = (label: Label, className: string | undefined, ...content: Child[]): HTMLTableCellElement =>
    h('td', { 'data-label': label, class: className }, ...content)
  const row = h('tr', { class: `delivery ${kind}`, 'data-delivery-id': log.id, 'data-outcome': log.outcome },
    cell('Id', 'nowrap', toggle),
    cell('Received', 'nowrap', formatWhen(log.created_at)),
    cell('Source', undefined, log.source),
    cell('Status', 'nowrap', h('span', { class: `badge status-${kind}` }, String(log.status_code))),
    cell('Outcome', 'words', h('span', {}, log.outcome, log.replay_of === null ? '' : h('span', { class: 'muted' }, ` (replay of #${log.replay_of})`))),
    cell('Order', undefined, order),
    cell('Error', 'error-text', log.error === null && log.error_code === null
      ? ''
      : h('span', {}, log.error ?? '', log.error_code === null ? '' : h('code', {}, ` ${log.error_code}`))),
    cell('Size', 'nowrap', formatBytes(log.body_size), options.onReplay === undefined ? '' : ' ', options.onReplay === undefined ? '' : replay)
  )
  return [row, detailRow]
}

const LABELS = ['Id', 'Received', 'Source', 'Status', 'Outcome', 'Order', 'Error', 'Size'] as const
type Label = typeof LABELS[number]

export function deliveryTable (body: HTMLTableSectionElement): HTMLTableElement {
  return h('table', { class: 'deliveries' },
    h('thead', {}, h('tr', {}, ...LABELS.map((label) => h('th', { scope: 'col' }, label)))),
    body
  )
}
