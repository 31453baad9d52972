import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

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

/**
 * Security headers on every answer, the dashboard's and the API's alike: the CSP keeps any script but the dashboard's own
 * from running even if an order field ever reached the page as markup; no framing (clickjacking); no MIME sniffing.
 * Swagger UI (/docs) draws with inline styles and data: images and is allowed exactly those.
 */
export async function registerSecurityHeaders (app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (route.url !== '/docs' && !route.url.startsWith('/docs/')) return
    route.config = {
      ...(route.config as object | undefined),
      helmet: { contentSecurityPolicy: { useDefaults: false, directives: { ...DIRECTIVES, imgSrc: ["'self'", 'data:', 'https://validator.swagger.io'] } } }
    } as typeof route.config
  })
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Senders and scripts ignore it, and a browser on http://localhost must not be told to expect HTTPS there.
    strictTransportSecurity: false
  })
}
