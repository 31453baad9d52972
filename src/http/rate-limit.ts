export interface TokenBucketOptions {
  /** Requests a client may make at once, and per window. */
  capacity: number
  windowMs: number
  /** Milliseconds since the epoch: a parameter, so tests need not wait. */
  now: () => number
  /** Clients tracked at once; beyond it the longest-idle are forgotten, so a flood of addresses cannot exhaust memory. */
  maxClients?: number
}

export type Take = { allowed: true } | { allowed: false, retryAfterSeconds: number }

export interface TokenBuckets {
  /** Spends one token of the client's bucket when it has one. */
  take: (key: string) => Take
  /** Whether the client's bucket is empty, without spending. */
  isEmpty: (key: string) => Take
  size: () => number
}

interface Bucket { tokens: number, at: number }

/**
 * One token bucket per client, refilled continuously at `capacity` per window. A client that never sends more than
 * `capacity` requests in any window never finds its bucket empty (any span of length L holds at most
 * capacity x ceil(L / window) <= capacity + refill over L of them), so the limit cannot hit a client within it.
 * In memory: each instance limits on its own.
 */
export function createTokenBuckets (options: TokenBucketOptions): TokenBuckets {
  const { capacity, windowMs, now } = options
  const maxClients = options.maxClients ?? 100_000
  const perMs = capacity / windowMs
  const buckets = new Map<string, Bucket>()

  const current = (key: string): Bucket => {
    const t = now()
    const bucket = buckets.get(key)
    if (bucket === undefined) return { tokens: capacity, at: t }
    // Re-inserted on every use, so the map's first keys are the longest idle.
    buckets.delete(key)
    return { tokens: Math.min(capacity, bucket.tokens + Math.max(0, t - bucket.at) * perMs), at: t }
  }
  const keep = (key: string, bucket: Bucket): void => {
    buckets.set(key, bucket)
    while (buckets.size > maxClients) {
      const oldest = buckets.keys().next().value
      if (oldest === undefined) break
      buckets.delete(oldest)
    }
  }
  const refusal = (bucket: Bucket): Take => ({ allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) })

  return {
    take: (key) => {
      const bucket = current(key)
      if (bucket.tokens < 1) {
        keep(key, bucket)
        return refusal(bucket)
      }
      keep(key, { tokens: bucket.tokens - 1, at: bucket.at })
      return { allowed: true }
    },
    isEmpty: (key) => {
      if (!buckets.has(key)) return { allowed: true }
      const bucket = current(key)
      keep(key, bucket)
      return bucket.tokens < 1 ? refusal(bucket) : { allowed: true }
    },
    size: () => buckets.size
  }
}

/** The key a client is limited by: its address, or for IPv6 its /64, which one subscriber usually holds whole. */
export function clientKey (ip: string): string {
  const address = ip.startsWith('::ffff:') ? ip.slice('::ffff:'.length) : ip
  if (!address.includes(':')) return address
  const [head = ''] = address.split('::', 1)
  const groups = address.includes('::') ? head.split(':').filter((g) => g !== '') : address.split(':')
  return `${[...groups, '0', '0', '0', '0'].slice(0, 4).join(':')}::/64`
}
