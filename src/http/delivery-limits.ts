import type { FastifyReply, FastifyRequest } from 'fastify'
import type { IncomingDelivery } from '../intake/delivery.ts'
import { failsAuthentication } from '../intake/fails-authentication.ts'
import type { DeliveryResult, IntakeDeps } from '../intake/receive-delivery.ts'
import { isLoopback } from './access.ts'
import { errorBody } from './error-handler.ts'
import { clientKey, createTokenBuckets, type Take } from './rate-limit.ts'

export type LimitName = 'deliveries' | 'auth_failures'

export interface DeliveryLimitOptions {
  /** Deliveries a minute from one client (ROMS_RATE_LIMIT). */
  perMinute: number
  /** Failed authentications a minute from one client before its further failing attempts are refused. */
  authFailuresPerMinute: number
  now: () => number
  /** Refused requests are counted, not recorded: a row per refusal would let a flood fill the database it is kept from. */
  onLimited?: (limit: LimitName) => void
}

export interface DeliveryLimits {
  /** onRequest: the per-client budget, spent before the body is read. */
  checkRate: (request: FastifyRequest, reply: FastifyReply, done: () => void) => void
  /** Before the pipeline: true when the request was answered 429 (a client out of failures failing again). */
  refuseRepeatedFailure: (request: FastifyRequest, reply: FastifyReply, incoming: IncomingDelivery) => Promise<boolean>
  /** After the pipeline: a 401 spends one of the client's failures. */
  recordResult: (request: FastifyRequest, result: DeliveryResult) => void
}

const MINUTE_MS = 60_000

/**
 * Two budgets per client address: one for all deliveries, and a much smaller one for failed signatures and tokens,
 * which only a guesser spends. A client out of failures still gets its correctly signed deliveries through.
 */
export function createDeliveryLimits (intake: Pick<IntakeDeps, 'secrets' | 'clock'>, options: DeliveryLimitOptions): DeliveryLimits {
  const deliveries = createTokenBuckets({ capacity: options.perMinute, windowMs: MINUTE_MS, now: options.now })
  const failures = createTokenBuckets({ capacity: options.authFailuresPerMinute, windowMs: MINUTE_MS, now: options.now })
  const refuse = async (reply: FastifyReply, take: Exclude<Take, { allowed: true }>, limit: LimitName, message: string): Promise<FastifyReply> => {
    options.onLimited?.(limit)
    return await reply.code(429).header('retry-after', String(take.retryAfterSeconds)).send(errorBody('RATE_LIMITED', message))
  }
  return {
    // A callback hook: a client within its budget costs no promise. Once answered, `done` is not called (Fastify's rule).
    checkRate: (request, reply, done) => {
      const take = deliveries.take(limitKey(request))
      if (take.allowed) {
        done()
        return
      }
      refuse(reply, take, 'deliveries', `more than ${options.perMinute} deliveries a minute from this address; retry after ${take.retryAfterSeconds} s`)
        .catch((error: unknown) => { reply.log.error({ err: error }, 'answering a rate-limited delivery failed') })
    },
    refuseRepeatedFailure: async (request, reply, incoming) => {
      const take = failures.isEmpty(limitKey(request))
      if (take.allowed || !failsAuthentication(intake, incoming)) return false
      await refuse(reply, take, 'auth_failures', `too many failed signatures or tokens from this address; retry after ${take.retryAfterSeconds} s`)
      return true
    },
    recordResult: (request, result) => {
      if (result.statusCode === 401) failures.take(limitKey(request))
    }
  }
}

/**
 * The client a request is counted against. Through a tunnel or reverse proxy on this machine (ngrok, nginx, Caddy)
 * every request comes from loopback: the address the proxy appended last to X-Forwarded-For is then the client.
 * A remote client cannot reach loopback, so it cannot choose that header's last entry; from anywhere else it is ignored.
 */
export function limitKey (request: FastifyRequest): string {
  const forwarded = request.headers['x-forwarded-for']
  const peer = request.socket.remoteAddress
  if (forwarded !== undefined && isLoopback(peer)) {
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded).split(',').pop()?.trim()
    if (last !== undefined && last !== '') return clientKey(last)
  }
  return clientKey(peer ?? request.ip)
}
