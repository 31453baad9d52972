import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { errorBody } from './error-handler.ts'
import { clearedSessionCookie, isValidSession, matchingToken, readCookie, SESSION_COOKIE, sessionCookie } from './session-token.ts'
import { SIGN_IN_SCRIPT, SIGN_IN_SCRIPT_PATH, signInPage } from './sign-in-page.ts'
import { TOKEN_HINT } from './access.ts'
import type { TokenGuessLimit } from './token-guess-limit.ts'

const sessionAnswer = {
  type: 'object',
  properties: {
    success: { type: 'boolean' },
    token_required: { type: 'boolean', description: 'False: no ROMS_API_TOKEN is set and only this machine is served' },
    signed_in: { type: 'boolean' }
  }
}

/** The dashboard's sign-in: the token in exchange for an HttpOnly, SameSite=Strict cookie (EventSource sends it too). */
export function registerSessionRoutes (app: FastifyInstance, apiTokens: readonly string[], guesses?: TokenGuessLimit): void {
  app.register(async (scope) => {
    // The sign-in page's form posts without script.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))))
    })

    scope.get(SIGN_IN_SCRIPT_PATH, { schema: { hide: true } }, async (_request, reply) => {
      return await reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(SIGN_IN_SCRIPT)
    })

    scope.get('/api/v2/session', {
      schema: { summary: 'Whether a token is required, and whether this browser is signed in', tags: ['session'], response: { 200: sessionAnswer } }
    }, async (request) => ({ success: true, token_required: apiTokens.length > 0, signed_in: isSignedIn(request, apiTokens) }))

    scope.post('/api/v2/session', {
      schema: {
        summary: 'Sign in with the API token: sets the session cookie',
        tags: ['session'],
        consumes: ['application/json', 'application/x-www-form-urlencoded'],
        body: { type: 'object', properties: { token: { type: 'string', minLength: 1 }, return_to: { type: 'string' } }, required: ['token'] },
        response: { 200: sessionAnswer, '4xx': { $ref: 'Error#' } }
      }
    }, async (request, reply) => {
      const { token, return_to: returnTo } = request.body as { token: string, return_to?: string }
      const fromForm = request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') === true
      if (apiTokens.length === 0) {
        return await refuse(reply, { fromForm, returnTo }, 400, 'SIGN_IN_NOT_NEEDED', `no API token is set, so this machine needs no sign-in and others are refused: ${TOKEN_HINT}`)
      }
      if (!matchingToken(token, apiTokens)) {
        if (guesses !== undefined && await guesses.refuseIfExhausted(request, reply)) return reply
        guesses?.recordWrongToken(request)
        return await refuse(reply, { fromForm, returnTo }, 401, 'UNAUTHORIZED', 'that is not the API token (ROMS_API_TOKEN)')
      }
      reply.header('set-cookie', sessionCookie(token, isHttps(request)))
      // Only a path on this server: an open redirect would let a link sign users in and send them elsewhere.
      if (fromForm) return await reply.code(303).header('location', isLocalPath(returnTo) ? returnTo : '/').send()
      return { success: true, token_required: true, signed_in: true }
    })

    scope.delete('/api/v2/session', {
      schema: { summary: 'Sign out: clears the session cookie', tags: ['session'], response: { 200: sessionAnswer } }
    }, async (request, reply) => {
      reply.header('set-cookie', clearedSessionCookie(isHttps(request)))
      return { success: true, token_required: apiTokens.length > 0, signed_in: false }
    })
  })
}

/**
 * Whether the browser is on HTTPS: ROMS serves plain HTTP, and the tunnel or proxy in front (ngrok, cloudflared, nginx,
 * Caddy) that ends TLS says so in `X-Forwarded-Proto` or `Forwarded: proto=`, the browser's hop first. Trusted from any
 * peer: a client that lies only marks its own cookie Secure (or makes its own browser drop it).
 */
function isHttps (request: FastifyRequest): boolean {
  if (request.protocol === 'https') return true
  const header = (name: string): string => [request.headers[name] ?? ''].flat().join(',')
  const proto = header('x-forwarded-proto').split(',')[0]?.trim() || /proto="?([a-z]+)/i.exec(header('forwarded'))?.[1]
  return proto?.toLowerCase() === 'https'
}

function isSignedIn (request: FastifyRequest, apiTokens: readonly string[]): boolean {
  if (apiTokens.length === 0) return false
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1]
  if (bearer !== undefined && matchingToken(bearer, apiTokens)) return true
  const session = readCookie(request.headers.cookie, SESSION_COOKIE)
  return session !== undefined && isValidSession(session, apiTokens)
}

/** A form is answered with the form again, still returning where it was going (a wrong token is a typo away). */
async function refuse (reply: FastifyReply, form: { fromForm: boolean, returnTo: string | undefined }, status: number, code: string, message: string): Promise<FastifyReply> {
  if (form.fromForm) {
    const returnTo = isLocalPath(form.returnTo) ? form.returnTo : '/'
    return await reply.code(status).type('text/html; charset=utf-8').send(signInPage({ tokenRequired: status === 401, message, returnTo }))
  }
  return await reply.code(status).send(errorBody(code, message))
}

// Visible ASCII only: a header cannot carry other characters (browsers percent-encode them in the hash they give).
function isLocalPath (path: string | undefined): path is string {
  return path !== undefined && path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') && /^[\x21-\x7e]*$/.test(path)
}
