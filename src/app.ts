import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import type { Config } from './config.ts'
import { registerErrorHandlers } from './http/error-handler.ts'
import { registerHealthRoutes } from './http/health-routes.ts'
import { registerSchemas } from './http/schemas.ts'
import { registerSignatureHelpRoutes } from './http/signature-help-routes.ts'
import { registerWebhookLogRoutes } from './http/webhook-log-routes.ts'
import { registerWebhookRoutes } from './http/webhook-routes.ts'
import type { IntakeDeps } from './intake/receive-delivery.ts'
import type { Store } from './store/open-store.ts'

export interface AppDeps {
  config: Config
  store: Store
  clock?: () => Date
  /** A pino logger; none means silent (tests). */
  logger?: FastifyBaseLogger
}

/** Builds the HTTP app: routes, schemas, docs and error handling. Never listens and never reads the environment. */
export async function buildApp (deps: AppDeps): Promise<FastifyInstance> {
  const { config, store } = deps
  const clock = deps.clock ?? (() => new Date())
  const app = Fastify({
    ...(deps.logger === undefined ? { logger: false } : { loggerInstance: deps.logger }),
    bodyLimit: config.bodyLimit,
    // Slow clients: a request must be fully received within this time (slowloris protection).
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 72_000,
    return503OnClosing: true,
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: false } }
  })
  registerErrorHandlers(app)
  registerSchemas(app)
  await app.register(swagger, {
    openapi: {
      info: { title: 'ROMS API', description: 'Order intake and management for online resellers', version: '2.0.0' }
    }
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  const intake: IntakeDeps = { writer: store.writer, secrets: config.secrets, bodyLimit: config.bodyLimit, clock }
  registerHealthRoutes(app, store)
  registerWebhookRoutes(app, { intake, bodyLimit: config.bodyLimit, signatureRequired: () => config.secrets.webhook.length > 0 })
  registerSignatureHelpRoutes(app, config.secrets)
  registerWebhookLogRoutes(app, store)
  return app
}
