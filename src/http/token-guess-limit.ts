import type { FastifyReply, FastifyRequest } from 'fastify'
import { limitKey } from './delivery-limits.ts'
import { errorBody } from './error-handler.ts'
import { createTokenBuckets } from './rate-limit.ts'

export interface TokenGuessLimit {
  /** Answers 429 when this client has used up its wrong tokens; true when it did. */
  refuseIfExhausted: (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>
  /** A wrong API token (bearer, cookie or sign-in form) spends one of the client's guesses. */
  recordWrongToken: (request: FastifyRequest) => void
}

/**
 * Wrong API tokens are limited per client like wrong webhook signatures: ROMS_API_TOKEN guards customers' data, and an
 * unlimited endpoint would let it be guessed at the speed of the network.
 */
export function createTokenGuessLimit (options: { perMinute: number, now: () => number }): TokenGuessLimit {
  const guesses = createTokenBuckets({ capacity: options.perMinute, windowMs: 60_000, now: options.now })
  return {
    refuseIfExhausted: async (request, reply) => {
      const take = guesses.isEmpty(limitKey(request))
      if (take.allowed) return false
      await reply.code(429).header('retry-after', String(take.retryAfterSeconds))
        .send(errorBody('RATE_LIMITED', `too many wrong API tokens from this address; retry after ${take.retryAfterSeconds} s`))
      return true
    },
    recordWrongToken: (request) => { guesses.take(limitKey(request)) }
  }
}
