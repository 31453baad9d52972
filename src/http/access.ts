import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { errorBody } from './error-handler.ts'
import { routeFactsOf } from './route-facts.ts'
import { isValidSession, matchingToken, readCookie, SESSION_COOKIE } from './session-token.ts'
import { SIGN_IN_SCRIPT_PATH, signInPage } from './sign-in-page.ts'
import type { TokenGuessLimit } from './token-guess-limit.ts'

/** Routes anyone may call: senders, health checks, the docs and the sign-in itself. Every other route is protected. */
const OPEN_ROUTES = new Set([
  '/api/v2/webhooks/orders', '/api/v2/webhooks/orders/:token', '/api/v2/webhooks/test', '/api/v2/webhooks/signature-help',
  '/health', '/openapi.json', '/api/v2/session', SIGN_IN_SCRIPT_PATH
])

const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip']
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export const TOKEN_HINT = 'set ROMS_API_TOKEN (for example to the output of `openssl rand -hex 32`) in the environment or .env, ' +
  'restart ROMS, and send "Authorization: Bearer <token>" or sign in on the dashboard'

type Decision = { allowed: true, ambient: boolean } | { allowed: false, status: number, code: string, message: string, wrongToken?: boolean }

/**
 * The orders API, the delivery log, the stream and the dashboard hold customers' names and emails. With ROMS_API_TOKEN
 * set they need it (a bearer header or the sign-in cookie). Without it only this machine is served: a loopback peer
 * and no forwarding header, because tunnels and reverse proxies connect from loopback too.
 */
export function registerAccessRule (app: FastifyInstance, apiTokens: readonly string[], guesses?: TokenGuessLimit): void {
  // A callback hook with a synchronous way through for open routes: senders' deliveries pay no promise for it.
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    const route = routeFactsOf(request).url
    // No route means a 404, which shows nothing: senders with a mistyped URL get the helpful not-found answer.
    if (route === undefined || OPEN_ROUTES.has(route) || route === '/docs' || route.startsWith('/docs/')) {
      done()
      return
    }
    // Once answered, `done` is not called (Fastify's rule for a hook that replies).
    guard(request, reply, route).then((answered) => { if (!answered) done() }, done)
  })

  async function guard (request: FastifyRequest, reply: FastifyReply, route: string): Promise<boolean> {
    const decision = decide(request, apiTokens)
    if (decision.allowed && (!decision.ambient || SAFE_METHODS.has(request.method) || isSameOrigin(request))) return false
    if (!decision.allowed && decision.wrongToken === true && guesses !== undefined) {
      if (await guesses.refuseIfExhausted(request, reply)) return true
      guesses.recordWrongToken(request)
    }
    const refusal = decision.allowed
      ? { status: 403, code: 'CROSS_SITE_REQUEST', message: 'a change from another site is refused: use this server\'s own pages or an Authorization header' }
      : decision
    if (refusal.status === 401) reply.header('www-authenticate', 'Bearer realm="ROMS"')
    if (request.method === 'GET' && route !== '/api/v2/stream' && !request.url.startsWith('/api/') && acceptsHtml(request)) {
      await reply.code(refusal.status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
        .send(signInPage({ tokenRequired: apiTokens.length > 0, message: refusal.message, returnTo: request.url }))
      return true
    }
    await reply.code(refusal.status).send(errorBody(refusal.code, refusal.message))
    return true
  }
}

function decide (request: FastifyRequest, apiTokens: readonly string[]): Decision {
  if (apiTokens.length > 0) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1]
    if (bearer !== undefined && matchingToken(bearer, apiTokens)) return { allowed: true, ambient: false }
    const session = readCookie(request.headers.cookie, SESSION_COOKIE)
    if (session !== undefined && isValidSession(session, apiTokens)) return { allowed: true, ambient: true }
    if (bearer === undefined && session === undefined) {
      return { allowed: false, status: 401, code: 'UNAUTHORIZED', message: 'this endpoint needs the API token: send "Authorization: Bearer <ROMS_API_TOKEN>" or sign in on the dashboard' }
    }
    return { allowed: false, status: 401, code: 'UNAUTHORIZED', message: 'the API token or the sign-in is not valid (was ROMS_API_TOKEN changed?)', wrongToken: true }
  }
  const forwarded = FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined)
  if (!isLoopback(request.socket.remoteAddress) || forwarded) {
    return {
      allowed: false,
      status: 401,
      code: 'UNAUTHORIZED',
      message: `without an API token this endpoint is served only to requests made directly on the ROMS machine${forwarded ? ' (this one came through a proxy or tunnel)' : ''}: ${TOKEN_HINT}`
    }
  }
  // A web page can point its own host name at 127.0.0.1 (DNS rebinding) and read loopback answers; a loopback name cannot be faked that way.
  if (!isLoopbackHost(request.headers.host)) {
    return { allowed: false, status: 401, code: 'UNAUTHORIZED', message: `without an API token open this on http://localhost, or ${TOKEN_HINT}` }
  }
  return { allowed: true, ambient: true }
}

export function isLoopback (address: string | undefined): boolean {
  if (address === undefined) return false
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)
}

function isLoopbackHost (host: string | undefined): boolean {
  if (host === undefined) return false
  const name = host.replace(/:\d+$/, '').toLowerCase()
  return name === 'localhost' || name.endsWith('.localhost') || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
}

/** A browser names the page that sent a request; a cookie or loopback grant must not let another site change data. */
function isSameOrigin (request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site']
  // The browser's own word, which no page can set; Origin and Host are compared only without it, since a proxy in
  // front may pass its own Host on (nginx's default `proxy_pass` sends the upstream's address, not the site's name).
  if (site === 'same-origin') return true
  if (site !== undefined && site !== 'none') return false
  const origin = request.headers.origin
  if (origin === undefined) return true
  return URL.canParse(origin) && new URL(origin).host === request.headers.host
}

function acceptsHtml (request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html')
}
