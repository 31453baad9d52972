import { h } from '../dom.ts'
import type { OrderQuery } from './order-query.ts'

const STATUSES = ['pending', 'processing', 'verified', 'on-hold', 'shipped', 'partially-shipped', 'delivered', 'cancelled', 'refunded', 'failed']
// Values are `sort order` pairs of the API's two parameters; the first is the API's default.
const SORTS: ReadonlyArray<[string, string]> = [
  ['created_at desc', 'Newest first'], ['created_at asc', 'Oldest first'], ['total desc', 'Highest total'],
  ['total asc', 'Lowest total'], ['order_date desc', 'Latest order date']
]
// Search runs as the user types, but not on every keystroke.
const TYPING_PAUSE_MS = 250

/** The filter bar: calls `onChange` with the whole query whenever one field changes. */
export function orderFilters (initial: OrderQuery, onChange: (query: OrderQuery) => void): HTMLElement {
  const q = h('input', { type: 'search', name: 'q', placeholder: 'Search order #, product, email, name, tracking, reference', 'aria-label': 'Search orders', value: initial.q ?? '' })
  // A link may name statuses the list does not offer (`shipped,delivered`, a sender's own `bestellt`): offered too, or
  // the select would show "Any status" and drop them from the query at the next change (typing a search, say).
  const statuses = initial.status === undefined || STATUSES.includes(initial.status) ? STATUSES : [...STATUSES, initial.status]
  const status = h('select', { name: 'status', 'aria-label': 'Status' }, h('option', { value: '' }, 'Any status'), ...statuses.map((s) => h('option', { value: s }, s)))
  const sort = h('select', { name: 'sort', 'aria-label': 'Sort' }, ...SORTS.map(([value, label]) => h('option', { value }, label)))
  const text = (name: 'source' | 'store' | 'profile' | 'proxy_list', placeholder: string): HTMLInputElement =>
    h('input', { type: 'search', name, placeholder, 'aria-label': placeholder, value: initial[name] ?? '' })
  const source = text('source', 'Source')
  const store = text('store', 'Store')
  const profile = text('profile', 'Profile')
  const proxyList = text('proxy_list', 'Proxy list')
  const from = h('input', { type: 'date', name: 'from', 'aria-label': 'From', value: initial.from ?? '' })
  const to = h('input', { type: 'date', name: 'to', 'aria-label': 'To', value: initial.to ?? '' })
  status.value = initial.status ?? ''
  sort.value = `${initial.sort ?? 'created_at'} ${initial.order ?? 'desc'}`

  const read = (): OrderQuery => {
    const query: OrderQuery = {}
    for (const field of [q, status, source, store, profile, proxyList, from, to]) {
      // Sources are ROMS's own lower-case names, as the API reads them; live rows are matched against this query.
      const value = field === source ? field.value.trim().toLowerCase() : field.value.trim()
      if (value !== '') query[field.name as keyof OrderQuery] = value
    }
    const [by = 'created_at', direction = 'desc'] = sort.value.split(' ')
    if (by !== 'created_at') query.sort = by
    if (direction !== 'desc') query.order = direction
    return query
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  q.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(() => onChange(read()), TYPING_PAUSE_MS)
  })
  for (const field of [q, status, source, store, profile, proxyList, from, to, sort]) {
    field.addEventListener('change', () => { clearTimeout(timer); onChange(read()) })
  }
  const more = h('details', { class: 'more-filters' },
    h('summary', {}, 'Filters'),
    h('div', { class: 'filters' }, source, store, profile, proxyList, h('label', {}, 'From ', from), h('label', {}, 'To ', to))
  )
  if ([initial.source, initial.store, initial.profile, initial.proxy_list, initial.from, initial.to].some((v) => v !== undefined)) more.open = true
  return h('form', { class: 'order-filters', role: 'search', on: { submit: (event) => event.preventDefault() } },
    h('div', { class: 'filters' }, q, status, sort),
    more
  )
}
