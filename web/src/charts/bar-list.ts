import { h, svg } from '../dom.ts'

export interface BarRow {
  label: string
  value: number
  /** Shown right of the bar: the exact figures (checkouts, spend, cancellations). */
  text: string
  href?: string
}

/** A ranked list with a proportional bar under each name: the "top stores / profiles / proxy lists" cards. */
export function barList (title: string, rows: readonly BarRow[]): HTMLElement {
  const max = Math.max(...rows.map((r) => r.value), 0) || 1
  const list = h('ol', { class: 'bar-list' }, ...rows.map((row) => {
    const bar = svg('svg', { viewBox: '0 0 100 6', preserveAspectRatio: 'none', class: 'bar-track', 'aria-hidden': 'true' },
      svg('rect', { class: 'bar', x: 0, y: 0, height: 6, width: ((row.value / max) * 100).toFixed(2) }))
    const name = row.href === undefined ? h('span', { class: 'bar-label' }, row.label) : h('a', { class: 'bar-label', href: row.href }, row.label)
    return h('li', {}, h('div', { class: 'bar-head' }, name, h('span', { class: 'bar-value' }, row.text)), bar)
  }))
  return h('figure', { class: 'chart bar-list-chart' }, h('figcaption', {}, title),
    rows.length === 0 ? h('p', { class: 'muted' }, 'No data in this range.') : list)
}
