import { barList, type BarRow } from '../charts/bar-list.ts'
import { columnChart } from '../charts/column-chart.ts'
import { donutChart } from '../charts/donut-chart.ts'
import { h } from '../dom.ts'
import { formatCount, formatMoney } from '../format.ts'
import { routeHref } from '../router.ts'
import { mixedCurrencyNote, spendCurrency } from '../spend-currency.ts'
import type { GroupStats, OrderStats } from '../types.ts'
import { dayLabel, fillDays } from './day-series.ts'

const TOP = 8

/** The summary cards and charts of one stats answer. */
export function statsPanels (stats: OrderStats, days: readonly string[]): HTMLElement {
  const series = fillDays(stats.per_day, days)
  const cancelled = (stats.by_status.cancelled ?? 0) + (stats.by_status.refunded ?? 0)
  const statuses = Object.entries(stats.by_status).sort((a, b) => b[1] - a[1])
  const currency = spendCurrency(stats.currencies)
  const money = (value: string): string => formatMoney(value, currency)
  return h('div', { class: 'stats' },
    h('div', { class: 'cards' },
      card('Orders', formatCount(stats.orders)),
      card('Spend', money(stats.spend), mixedCurrencyNote(stats.currencies)),
      card('Commission', money(stats.commission)),
      card('Cancelled or refunded', formatCount(cancelled))
    ),
    h('div', { class: 'chart-grid' },
      h('div', { class: 'card' }, columnChart('Orders per day', series.map((d) => ({ label: dayLabel(d.day), value: d.orders, text: formatCount(d.orders) })))),
      h('div', { class: 'card' }, columnChart('Spend per day', series.map((d) => ({ label: dayLabel(d.day), value: Number(d.spend), text: money(d.spend) })), 'spend'))
    ),
    h('div', { class: 'chart-grid four' },
      h('div', { class: 'card' }, donutChart('Status', statuses.map(([status, count]) => ({ label: status, value: count, tone: `tone-${status}` })), formatCount(stats.orders))),
      h('div', { class: 'card' }, barList('Top stores', top(stats.by_store, 'store', money))),
      h('div', { class: 'card' }, barList('Top profiles', top(stats.by_profile, 'profile', money))),
      h('div', { class: 'card' }, barList('Top proxy lists', top(stats.by_proxy_list, 'proxy_list', money)))
    )
  )
}

function card (label: string, value: string, note: string | null = null): HTMLElement {
  return h('div', { class: 'card stat' }, h('div', { class: 'stat-label' }, label), h('div', { class: 'stat-value' }, value),
    ...(note === null ? [] : [h('div', { class: 'stat-note' }, note)]))
}

/** Each row links to the orders it counts. */
function top (groups: readonly GroupStats[], filter: string, money: (value: string) => string): BarRow[] {
  return groups.filter((g) => g.key !== null && g.key !== '').slice(0, TOP).map((g) => ({
    label: g.key ?? '',
    value: g.checkouts,
    text: `${formatCount(g.checkouts)} · ${money(g.spend)}${g.cancellations > 0 ? ` · ${g.cancellations} cancelled` : ''}`,
    href: routeHref(['orders'], { [filter]: g.key ?? '' })
  }))
}
