import { h } from '../dom.ts'

const SHOWN_MS = 8000

/** A message that removes itself; role=status so screen readers announce it. */
export function notice (message: string, kind: 'ok' | 'error' = 'ok'): HTMLElement {
  const element = h('p', { class: `notice ${kind}`, role: 'status' }, message)
  setTimeout(() => element.remove(), SHOWN_MS)
  return element
}
