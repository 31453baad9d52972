import helmet, { type HelmetOptions } from 'helmet'
import type { FastifyInstance } from 'fastify'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { routeFactsOf } from './route-facts.ts'

const DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  // Styles only: the sign-in page carries its own <style>, and a style cannot run script.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  // Off: on a plain-HTTP address (a VPS reached by IP) it would send every asset to an https:// that does not exist.
  upgradeInsecureRequests: null
}

const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  // Senders and scripts ignore it, and a browser on http://localhost must not be told to expect HTTPS there.
  strictTransportSecurity: false
}

/**
 * Security headers on every answer, the dashboard's and the API's alike: the CSP keeps any script but the dashboard's own
 * from running even if an order field ever reached the page as markup; no framing (clickjacking); no MIME sniffing.
 * Swagger UI (/docs) draws with inline styles and data: images and is allowed exactly those.
 * Helmet makes the headers; with fixed options they are the same for every request, so they are made once here and
 * set as one object (helmet's middleware rebuilds the CSP and sets each header anew: about 5% of the thread that answers
 * deliveries, measured with --cpu-prof under the bench load).
 */
export async function registerSecurityHeaders (app: FastifyInstance): Promise<void> {
  const everywhere = headersOf(OPTIONS)
  const docs = headersOf({
    ...OPTIONS,
    contentSecurityPolicy: { useDefaults: false, directives: { ...DIRECTIVES, imgSrc: ["'self'", 'data:', 'https://validator.swagger.io'] } }
  })
  app.addHook('onRequest', (request, reply, done) => {
    const route = routeFactsOf(request).url
    reply.headers(route !== undefined && (route === '/docs' || route.startsWith('/docs/')) ? docs : everywhere)
    done()
  })
}

/** The headers helmet sets with these options, read off one run of its middleware. */
export function headersOf (options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader: (name: string, value: unknown) => { headers[name.toLowerCase()] = String(value) },
    removeHeader: (name: string) => { Reflect.deleteProperty(headers, name.toLowerCase()) }
  }
  let finished = false
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error !== undefined) throw error
    finished = true
  })
  if (!finished) throw new Error('helmet did not set its headers synchronously')
  return Object.freeze(headers)
}
