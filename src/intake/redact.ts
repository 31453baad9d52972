// Headers that carry credentials or signatures; any header whose name mentions one of these words is redacted too, and
// so is any key (X-Webhook-Key, X-Access-Key, a bare Key) but the Idempotency-Key, which names a delivery, not a sender.
const SECRET_HEADER = /signature|secret|token|auth|cookie|api[-_]?key|password|passwd|hmac|credential|private|^x-sig$|^(?!idempotency-key$)(?:.*[-_])?key$/i
const SECRET_QUERY = /token|secret|key|sig|password|passwd|auth|hmac|hash|credential/i
// The secret URL's token: the segment after the delivery route, whether or not the request matched a route (a 404's
// path is logged too). Routes match case-sensitively, a sender's typo need not.
const TOKEN_SEGMENT = /(\/webhooks\/orders\/)[^/]+/i

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

/** The path as stored or logged: the secret URL token and credential-like query values replaced. */
export function redactPath (path: string, urlToken: string | undefined): string {
  const [pathname = '', query] = path.split('?', 2)
  const cleanPath = urlToken === undefined
    ? pathname.replace(TOKEN_SEGMENT, `$1${REDACTED}`)
    : pathname.replace(/\/[^/]+(\/?)$/, `/${REDACTED}$1`)
  if (query === undefined) return cleanPath
  const params = new URLSearchParams(query)
  for (const key of [...params.keys()]) if (SECRET_QUERY.test(key)) params.set(key, REDACTED)
  return `${cleanPath}?${params.toString()}`
}
