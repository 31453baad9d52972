// Routes live in the hash (#/orders?status=shipped), so the server only ever serves `/` and a filtered view is a
// link a user can bookmark or share with a teammate.

export interface Route {
  /** Path segments: `#/orders/42` is ['orders', '42']. */
  segments: string[]
  params: URLSearchParams
}

export function currentRoute (): Route {
  const hash = location.hash.replace(/^#\/?/, '')
  const [path = '', query = ''] = hash.split('?', 2)
  return { segments: path.split('/').filter((s) => s !== '').map(decodeSegment), params: new URLSearchParams(query) }
}

/** A link cut short inside an escape (`%E0%A4%A`) is shown as written, for the view to refuse, instead of a blank page. */
function decodeSegment (segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

export function routeHref (segments: ReadonlyArray<string | number>, params?: Record<string, string | undefined>): string {
  const path = segments.map((s) => encodeURIComponent(String(s))).join('/')
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(params ?? {})) if (value !== undefined && value !== '') query.set(name, value)
  const text = query.toString()
  return `#/${path}${text === '' ? '' : `?${text}`}`
}

/** Changes the query of the current view without adding a history entry per keystroke. */
export function replaceParams (params: Record<string, string | undefined>): void {
  const href = routeHref(currentRoute().segments, params)
  history.replaceState(null, '', href)
}
