import { h } from '../dom.ts'
import type { EmailSummary } from '../email-types.ts'
import { formatWhen } from '../format.ts'
import { routeHref } from '../router.ts'
import { emailDetail } from './email-detail.ts'

const COLUMNS = ['Received', 'From', 'Subject', 'Retailer', 'Kind', 'Order', 'Status', 'Problems']
const TONES: Record<string, string> = { applied: 'status-ok', unmatched: 'status-rejected', failed: 'status-failed' }

export function emailTable (body: HTMLTableSectionElement): HTMLTableElement {
  return h('table', { class: 'emails' },
    h('thead', {}, h('tr', {}, ...COLUMNS.map((label) => h('th', { scope: 'col' }, label)))),
    body
  )
}

/** An email as a row, and a hidden row under it with its detail, loaded when the subject is clicked. */
export function emailRows (email: EmailSummary): HTMLTableRowElement[] {
  const row = h('tr', { class: 'email' })
  const detail = h('td', { colspan: COLUMNS.length })
  const detailRow = h('tr', { class: 'email-detail', hidden: true }, detail)
  const toggle = h('button', { type: 'button', class: 'link subject', 'aria-expanded': 'false', 'data-testid': 'open-email' })
  toggle.addEventListener('click', () => {
    const open = detailRow.hidden
    detailRow.hidden = !open
    toggle.setAttribute('aria-expanded', String(open))
    if (open && detail.childElementCount === 0) detail.append(emailDetail(email.id, (changed) => { fill(row, toggle, changed) }))
  })
  fill(row, toggle, email)
  return [row, detailRow]
}

/** (Re)writes the row's cells: a re-run changes the status, the reading and the order in place. */
function fill (row: HTMLTableRowElement, toggle: HTMLButtonElement, email: EmailSummary): void {
  toggle.textContent = email.subject === null || email.subject === '' ? '(no subject)' : email.subject
  const order = email.order_number === null
    ? ''
    : email.order_id === null ? email.order_number : h('a', { href: routeHref(['orders', email.order_id]) }, email.order_number)
  const cells = [
    formatWhen(email.received_at),
    h('span', { class: 'sender' }, email.sender ?? ''),
    toggle,
    email.retailer ?? '',
    email.kind ?? '',
    order,
    h('span', { class: `badge ${TONES[email.status] ?? 'status-waiting'}` }, email.status),
    email.problems.join('; ')
  ]
  row.dataset.emailId = String(email.id)
  row.dataset.status = email.status
  row.className = `email ${email.status}`
  row.replaceChildren(...cells.map((cell, i) => h('td', { 'data-label': COLUMNS[i] ?? '', class: i === 0 ? 'nowrap' : i === 7 ? 'error-text' : undefined }, cell)))
}
