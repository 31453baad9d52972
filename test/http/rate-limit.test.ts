import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clientKey, createTokenBuckets } from '../../src/http/rate-limit.ts'

describe('token buckets', () => {
  it('never refuse a client that stays within the limit in every window', () => {
    // Arrival times (ms) of a client that never makes more than `capacity` requests in any 60 s window.
    fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 200 }), (capacity, raw) => {
      const times: number[] = []
      for (const t of [...raw].sort((a, b) => a - b)) {
        if (times.filter((s) => s > t - 60_000).length < capacity) times.push(t)
      }
      let now = 0
      const buckets = createTokenBuckets({ capacity, windowMs: 60_000, now: () => now })
      for (const t of times) {
        now = t
        expect(buckets.take('client').allowed).toBe(true)
      }
    }), { numRuns: 300 })
  })

  it('refuse the request after the limit, with the seconds until a token is back', () => {
    let now = 0
    const buckets = createTokenBuckets({ capacity: 3, windowMs: 60_000, now: () => now })
    for (let i = 0; i < 3; i++) expect(buckets.take('a').allowed).toBe(true)
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 20 })
    expect(buckets.take('b').allowed).toBe(true)
    now = 20_000
    expect(buckets.take('a').allowed).toBe(true)
    expect(buckets.take('a').allowed).toBe(false)
  })

  it('forget the longest-idle clients beyond the cap', () => {
    const buckets = createTokenBuckets({ capacity: 1, windowMs: 60_000, now: () => 0, maxClients: 100 })
    for (let i = 0; i < 1000; i++) buckets.take(`10.0.${i >> 8}.${i & 255}`)
    expect(buckets.size()).toBe(100)
  })

  it('key IPv6 clients by their /64 and IPv4-mapped addresses as IPv4', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'))
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(clientKey('::ffff:10.0.0.1')).toBe('10.0.0.1')
  })
})
