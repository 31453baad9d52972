import { isDomainError } from '../domain-error.ts'
import { statusForCode } from './error-status.ts'
import { authenticate, schemeOf } from './authenticate.ts'
import type { IncomingDelivery } from './delivery.ts'
import type { IntakeDeps } from './receive-delivery.ts'

/**
 * Whether receiveDelivery would answer this delivery 401: the same check, without recording it. Lets the caller refuse
 * a client that keeps failing before it costs a database write, while its correctly signed deliveries still pass.
 */
// receiveDelivery answers WooCommerce's unsigned save-time ping 200 before any signature check.
const WOO_PING = /^webhook_id=\d+$/

export function failsAuthentication (deps: Pick<IntakeDeps, 'secrets' | 'clock'>, incoming: IncomingDelivery): boolean {
  if (incoming.tooLarge === true) return false
  if (schemeOf(incoming.headers) === 'roms' && WOO_PING.test(incoming.rawBody.toString('latin1').trim())) return false
  try {
    authenticate({ headers: incoming.headers, rawBody: incoming.rawBody, urlToken: incoming.urlToken, now: deps.clock() }, deps.secrets)
    return false
  } catch (error) {
    if (isDomainError(error) && statusForCode(error.code) === 401) return true
    throw error
  }
}
