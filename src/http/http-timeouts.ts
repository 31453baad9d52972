/** How long a client may take; a slow client (slowloris) holds a socket and memory for as long as it is allowed to. */
export interface HttpTimeouts {
  /** The request line and headers must have arrived within this. */
  headersMs: number
  /** The whole request, body included, must have arrived within this. */
  requestMs: number
  /** A socket with no traffic at all is closed after this. */
  idleMs: number
  keepAliveMs: number
  /**
   * How often node checks the two limits above. Its default is 30 s, which lets a client that sends a byte a second
   * live up to 30 s past its limit.
   */
  checkIntervalMs: number
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  idleMs: 60_000,
  // Longer than the 60 s idle timeout of common load balancers, so they never reuse a socket this server just closed.
  keepAliveMs: 72_000,
  checkIntervalMs: 1_000
}

/** Fastify's server options for these limits; node's own limits go through `http` (passed to http.createServer). */
export function timeoutOptions (given: Partial<HttpTimeouts> = {}): {
  requestTimeout: number
  connectionTimeout: number
  keepAliveTimeout: number
  http: { headersTimeout: number, connectionsCheckingInterval: number }
} {
  const t = { ...DEFAULT_TIMEOUTS, ...given }
  return {
    requestTimeout: t.requestMs,
    connectionTimeout: t.idleMs,
    keepAliveTimeout: t.keepAliveMs,
    // Node refuses a headers timeout longer than the request timeout.
    http: { headersTimeout: Math.min(t.headersMs, t.requestMs), connectionsCheckingInterval: t.checkIntervalMs }
  }
}
