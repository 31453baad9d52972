import { h } from './dom.ts'
import { onStreamState, type StreamState } from './stream.ts'

const NAV = [
  { href: '#/', label: 'Overview', key: '' },
  { href: '#/orders', label: 'Orders', key: 'orders' },
  { href: '#/deliveries', label: 'Deliveries', key: 'deliveries' },
  { href: '#/emails', label: 'Emails', key: 'emails' },
  { href: '#/setup', label: 'Setup', key: 'setup' }
]

const STATE_LABELS: Record<StreamState, string> = { live: 'Live', connecting: 'Connecting…', offline: 'Offline' }

export interface Shell {
  root: HTMLElement
  main: HTMLElement
  /** Marks the nav link of the current section. */
  select: (section: string) => void
}

export function buildShell (): Shell {
  const links = NAV.map((item) => h('a', { href: item.href, 'data-section': item.key }, item.label))
  const live = h('span', { class: 'live', role: 'status', 'data-testid': 'stream-state' })
  onStreamState((state) => {
    live.textContent = STATE_LABELS[state]
    live.dataset.state = state
  })
  const main = h('main', { id: 'main' })
  const root = h('div', { class: 'app' },
    h('header', { class: 'topbar' },
      h('a', { class: 'brand', href: '#/' }, 'ROMS'),
      h('nav', {}, ...links),
      live
    ),
    main
  )
  return {
    root,
    main,
    select: (section) => {
      for (const link of links) {
        if (link.dataset.section === section) link.setAttribute('aria-current', 'page')
        else link.removeAttribute('aria-current')
      }
    }
  }
}
