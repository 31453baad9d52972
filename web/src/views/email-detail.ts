import { getJson } from '../api.ts'
import { h } from '../dom.ts'
import type { EmailDetail, EmailSummary } from '../email-types.ts'
import { rerunEmail } from './rerun-email.ts'

/**
 * An email's problems, a Re-run button while it is kept, and the message as stored. The message is shown as text and
 * never rendered: it is whatever a retailer (or anyone) sent, HTML part and all.
 */
export function emailDetail (id: number, onChange: (email: EmailSummary) => void): HTMLElement {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'))
  const outcome = h('p', { class: 'rerun-outcome', role: 'status', 'data-testid': 'rerun-outcome', hidden: true })
  const element = h('div', { class: 'raw-email' }, outcome, body)

  const show = (email: EmailDetail): void => {
    const rerun = h('button', { type: 'button', class: 'small primary', 'data-testid': 'rerun' }, 'Re-run')
    rerun.addEventListener('click', () => {
      rerun.disabled = true
      rerunEmail(id).then(async (result) => {
        outcome.textContent = result.summary
        outcome.className = `rerun-outcome ${result.applied ? 'ok' : 'kept'}`
        outcome.hidden = false
        await load()
      }).catch((error: unknown) => {
        outcome.textContent = `Re-run failed: ${String(error)}`
        outcome.className = 'rerun-outcome error'
        outcome.hidden = false
        rerun.disabled = false
      })
    })
    body.replaceChildren(
      h('h4', {}, 'Problems'),
      email.problems.length === 0
        ? h('p', { class: 'muted' }, 'None.')
        : h('ul', { class: 'problems', 'data-testid': 'email-problems' }, ...email.problems.map((p) => h('li', {}, p))),
      email.status === 'applied'
        ? h('p', { class: 'muted' }, 'Applied: an applied email cannot be re-run.')
        : h('p', {}, rerun, h('span', { class: 'muted' }, ' Reads it again with the current retailer rules.')),
      h('h4', {}, email.raw_encoding === 'base64' ? 'Message (not UTF-8, base64)' : 'Message'),
      h('pre', { 'data-testid': 'raw-email' }, email.raw)
    )
  }
  const load = async (): Promise<void> => {
    const { email } = await getJson<{ email: EmailDetail }>(`/api/v2/emails/${id}`)
    show(email)
    onChange(email)
  }
  load().catch((error: unknown) => {
    body.replaceChildren(h('p', { class: 'error' }, `Could not load email #${id}: ${String(error)}`))
  })
  return element
}
