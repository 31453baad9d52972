import { h } from '../dom.ts'
import { formatDateTime, formatValue } from '../format.ts'
import type { OrderEvent } from '../types.ts'

/** What changed on the order, oldest first: who (which sender or `manual`) changed which field from what to what. */
export function orderTimeline (events: readonly OrderEvent[]): HTMLElement {
  if (events.length === 0) return h('p', { class: 'muted' }, 'No changes recorded.')
  const sorted = [...events].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id)
  return h('ol', { class: 'timeline', 'data-testid': 'timeline' }, ...sorted.map((event) => {
    const { type } = event
    return h('li', { class: `event ${type}` },
      h('div', { class: 'event-head' },
        h('strong', {}, type === 'created' ? 'Created' : 'Updated'),
        ` by ${event.source}`,
        event.delivery_id === null ? '' : h('span', { class: 'muted' }, ` · delivery #${event.delivery_id}`),
        h('time', { datetime: event.created_at }, formatDateTime(event.created_at))
      ),
      changesList(event)
    )
  }))
}

function changesList (event: OrderEvent): HTMLElement | string {
  const changes = event.changes.filter((change) => change.field !== 'updated_at')
  if (changes.length === 0) return ''
  const isCreation = event.type === 'created'
  return h('ul', { class: 'changes' }, ...changes.map((change) => {
    const showOld = !isCreation && change.old !== null && change.old !== undefined
    return h('li', {},
      h('code', {}, change.field), ': ',
      showOld ? h('del', {}, formatValue(change.old)) : '',
      showOld ? ' → ' : '',
      h('ins', {}, formatValue(change.new))
    )
  }))
}
