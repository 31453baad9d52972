import { getJson } from '../api.ts'
import { h } from '../dom.ts'
import type { EmailPage } from '../email-types.ts'
import { replaceParams, type Route } from '../router.ts'
import type { View } from '../view.ts'
import { emailRows, emailTable } from './email-rows.ts'

/** The filter's choices and the API's `status` for each: the default lists the emails that need someone to look. */
const FILTERS: ReadonlyArray<{ value: string, label: string, statuses: string | undefined }> = [
  { value: 'review', label: 'Needs review (unmatched, failed)', statuses: 'unmatched,failed' },
  { value: 'unmatched', label: 'Unmatched', statuses: 'unmatched' },
  { value: 'failed', label: 'Failed', statuses: 'failed' },
  { value: 'applied', label: 'Applied', statuses: 'applied' },
  { value: 'all', label: 'All emails', statuses: undefined }
]
const PAGE = 50

/** Emails ROMS read, newest first; those it could not apply are kept here to be looked at and re-run. */
export function emailsView (route: Route): View {
  let filter = FILTERS.find((f) => f.value === route.params.get('status')) ?? FILTERS[0]
  const body = h('tbody')
  const status = h('p', { class: 'muted', role: 'status' })
  const more = h('button', { type: 'button', hidden: true, 'data-testid': 'load-more' }, 'Load more')
  let nextBefore: number | null = null

  const load = async (reset: boolean): Promise<void> => {
    const before = reset ? undefined : nextBefore ?? undefined
    const page = await getJson<EmailPage>('/api/v2/emails', { status: filter?.statuses, limit: PAGE, before })
    if (reset) body.replaceChildren()
    for (const email of page.emails) body.append(...emailRows(email))
    nextBefore = page.next_before
    more.hidden = nextBefore === null
    status.textContent = body.childElementCount === 0 ? 'No emails here.' : ''
  }
  const showError = (error: unknown): void => { status.textContent = `Could not load emails: ${String(error)}` }

  const select = h('select', { name: 'status', 'aria-label': 'Status' }, ...FILTERS.map((f) => h('option', { value: f.value }, f.label)))
  select.value = filter?.value ?? 'review'
  select.addEventListener('change', () => {
    filter = FILTERS.find((f) => f.value === select.value) ?? FILTERS[0]
    replaceParams({ status: filter?.value === 'review' ? undefined : filter?.value })
    load(true).catch(showError)
  })
  more.addEventListener('click', () => { load(false).catch(showError) })

  const element = h('section', { class: 'emails-view' },
    h('h1', {}, 'Emails'),
    h('p', { class: 'muted' },
      'Emails ROMS could not match to an order (unmatched) or whose values it could not store (failed) are kept here. ' +
      'After adding or fixing a retailer rule, open one and re-run it.'),
    h('div', { class: 'filters' }, select),
    h('div', { class: 'table-wrap' }, emailTable(body)),
    status,
    more
  )
  load(true).catch(showError)
  return { element }
}
