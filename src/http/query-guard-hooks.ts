import type { FastifyInstance, onRequestHookHandler, RouteOptions } from 'fastify'

const DELIVERY_ROUTE = /^\/api\/v2\/webhooks\/orders(?:\/|$)/

type Stage = 'preValidation' | 'preHandler'

/**
 * Attaches a guard of query and URL values to every route but the delivery routes, route by route so those pay
 * nothing for it: a delivery's URL is recorded as sent and never reaches a query. `first` runs it before the route's
 * own hooks of that stage.
 */
export function addQueryGuard (app: FastifyInstance, stage: Stage, guard: onRequestHookHandler, { first = false } = {}): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (DELIVERY_ROUTE.test(route.url ?? '')) return
    const given = route[stage]
    const existing = given === undefined ? [] : Array.isArray(given) ? given : [given]
    route[stage] = (first ? [guard, ...existing] : [...existing, guard]) as RouteOptions[Stage]
  })
}
