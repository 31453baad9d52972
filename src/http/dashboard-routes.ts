import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance, FastifyReply } from 'fastify'

/** web/dist, from src/http (tsx, tests) and from dist/http (the built server) alike. */
export const DASHBOARD_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url))

const FILES: Record<string, { file: string, type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  '/app.js.map': { file: 'app.js.map', type: 'application/json; charset=utf-8' },
  '/app.css.map': { file: 'app.css.map', type: 'application/json; charset=utf-8' }
}

// Order fields are whatever senders post: if one ever reached the page as markup, no inline script or foreign
// script could run. The bundle and stylesheet are the only code; the API and the stream are the only connections.
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  // The bundle's name never changes, so every load asks whether it did (a cheap 200 of a small file).
  'cache-control': 'no-cache'
}

/**
 * The dashboard: the bundle `npm run build` leaves in web/dist, served as files. Access is the access rule's (the
 * page shows customers' data once it loads). `dir` is for tests that serve another build.
 */
export function registerDashboardRoutes (app: FastifyInstance, dir = DASHBOARD_DIR): void {
  for (const [path, { file, type }] of Object.entries(FILES)) {
    app.get(path, { schema: { hide: true } }, async (_request, reply) => await sendFile(reply, `${dir}${file}`, type))
  }
}

async function sendFile (reply: FastifyReply, path: string, type: string): Promise<FastifyReply> {
  reply.headers(SECURITY_HEADERS)
  let content: Buffer
  try {
    content = await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    return await reply.code(503).type('text/plain; charset=utf-8')
      .send('The dashboard is not built. Run `npm run build` (npm start does it first), then reload this page.\n')
  }
  return await reply.type(type).send(content)
}
