// Requests are same-origin, so the sign-in cookie (HttpOnly, set by POST /api/v2/session) travels with each one; the
// token itself is never kept where a script could read it.

/** An answer other than 2xx, with the API's `{ error: { code, message } }` when it sent one. */
export class ApiError extends Error {
  override name = 'ApiError'
  readonly status: number
  readonly code: string

  constructor (status: number, code: string, message: string) {
    super(message)
    this.status = status
    this.code = code
  }

  // Views show String(error): the server's words, not "ApiError: no order with id 9".
  override toString (): string {
    return this.message
  }
}

type UnauthorizedListener = (error: ApiError) => void
const unauthorizedListeners = new Set<UnauthorizedListener>()

/** The sign-in screen listens here: any 401 from the API shows it. */
export function onUnauthorized (listener: UnauthorizedListener): void {
  unauthorizedListeners.add(listener)
}

export async function request<T> (method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
  const text = await response.text()
  const data = parseJson(text)
  if (!response.ok) {
    const error = readError(response.status, data, text)
    if (response.status === 401) for (const listener of unauthorizedListeners) listener(error)
    throw error
  }
  return data as T
}

export async function getJson<T> (path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
  return await request<T>('GET', withQuery(path, query))
}

export function withQuery (path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value))
  }
  const text = params.toString()
  return text === '' ? path : `${path}?${text}`
}

function parseJson (text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function readError (status: number, data: unknown, text: string): ApiError {
  const error = (data as { error?: { code?: unknown, message?: unknown } } | undefined)?.error
  const code = typeof error?.code === 'string' ? error.code : `HTTP_${status}`
  const message = typeof error?.message === 'string' ? error.message : (text.slice(0, 200) || `the server answered ${status}`)
  return new ApiError(status, code, message)
}
