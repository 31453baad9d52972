// Headers that carry credentials or signatures; any header whose name mentions one of these words is redacted too.
const SECRET_HEADER = /signature|secret|token|authorization|cookie|api[-_]?key|password|hmac/i
const SECRET_QUERY = /token|secret|key|signature|password|auth/i

export const REDACTED = '[redacted]'

/** Headers as stored in the delivery record: credentials replaced, so the store never holds a secret. */
export function redactHeaders (headers: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    result[name] = SECRET_HEADER.test(name) ? REDACTED : value
  }
  return result
}

/** The path as stored: the secret URL token and credential-like query values replaced. */
export function redactPath (path: string, urlToken: string | undefined): string {
  const [pathname = '', query] = path.split('?', 2)
  const cleanPath = urlToken === undefined ? pathname : pathname.replace(/\/[^/]+\/?$/, `/${REDACTED}`)
  if (query === undefined) return cleanPath
  const params = new URLSearchParams(query)
  for (const key of [...params.keys()]) if (SECRET_QUERY.test(key)) params.set(key, REDACTED)
  return `${cleanPath}?${params.toString()}`
}
