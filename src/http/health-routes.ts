import type { FastifyInstance } from 'fastify'
import type { Store } from '../store/open-store.ts'

const CHECK_TIMEOUT_MS = 2000

/** `queueDepth`: writes waiting for their commit. */
export function registerHealthRoutes (app: FastifyInstance, store: Store, queueDepth: () => number): void {
  app.get('/health', {
    schema: {
      summary: 'Is the service up, and can it reach its database?',
      tags: ['health'],
      response: {
        200: { $ref: 'Health#' },
        503: { $ref: 'Health#' }
      }
    }
  }, async (_request, reply) => {
    const database = await checkDatabase(store)
    return reply.code(database === 'ok' ? 200 : 503).send({
      status: database === 'ok' ? 'ok' : 'degraded',
      database,
      dialect: store.features.name,
      queue_depth: queueDepth(),
      timestamp: new Date().toISOString()
    })
  })
}

async function checkDatabase (store: Store): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<'down'>((resolve) => { timer = setTimeout(() => resolve('down'), CHECK_TIMEOUT_MS) })
  const probe = store.probe().then(() => 'ok' as const, () => 'down' as const)
  try {
    return await Promise.race([probe, timeout])
  } finally {
    clearTimeout(timer)
  }
}
