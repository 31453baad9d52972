import type { FastifyRequest } from 'fastify'

/** What the hooks of every request ask about its route. */
export interface RouteFacts {
  /** The route's pattern (`/api/v2/orders/:id`); undefined when nothing matched (a 404). */
  url: string | undefined
  /** Whether the route lists the content types it takes (`schema.consumes`). */
  consumes: boolean
}

const FACTS = Symbol('route facts')

type WithFacts = FastifyRequest & { [FACTS]?: RouteFacts }

/**
 * Fastify builds `request.routeOptions` anew, thirteen properties, on every read; the hooks of a delivery read it half a
 * dozen times. They read these facts instead, taken from it once per request.
 */
export function routeFactsOf (request: FastifyRequest): RouteFacts {
  const known = (request as WithFacts)[FACTS]
  if (known !== undefined) return known
  const options = request.routeOptions
  const facts = { url: options.url, consumes: (options.schema as { consumes?: unknown } | undefined)?.consumes !== undefined }
  ;(request as WithFacts)[FACTS] = facts
  return facts
}
