import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify'
import type { Config } from './config.ts'
import type { RetailerRule } from './email/retailers/index.ts'
import { registerAccessRule } from './http/access.ts'
import { registerCustomerRoutes } from './http/customer-routes.ts'
import { registerDashboardRoutes } from './http/dashboard-routes.ts'
import { createDeliveryLimits } from './http/delivery-limits.ts'
import { registerEmailRoutes } from './http/email-routes.ts'
import { answerClientError, answerFrameworkError, registerErrorHandlers } from './http/error-handler.ts'
import { registerRefuseWhenClosing } from './http/refuse-when-closing.ts'
import { registerHealthRoutes } from './http/health-routes.ts'
import { type HttpTimeouts, timeoutOptions } from './http/http-timeouts.ts'
import { registerJsonOnly } from './http/json-only.ts'
import { registerMetricsRoutes } from './http/metrics-routes.ts'
import { registerOrderExportRoutes } from './http/order-export-routes.ts'
import { registerOrderPatchRoutes } from './http/order-patch-routes.ts'
import { registerOrderRoutes } from './http/order-routes.ts'
import { registerOrderStatsRoutes } from './http/order-stats-routes.ts'
import { registerNulGuard } from './http/refuse-nul.ts'
import { registerRepeatedQueryGuard } from './http/refuse-repeated-query.ts'
import { registerInfiniteNumberGuard } from './http/refuse-infinite-numbers.ts'
import { registerSchemas } from './http/schemas.ts'
import { registerSecurityHeaders } from './http/security-headers.ts'
import { routeFactsOf } from './http/route-facts.ts'
import { registerSessionRoutes } from './http/session-routes.ts'
import { createTokenGuessLimit } from './http/token-guess-limit.ts'
import { registerSignatureHelpRoutes } from './http/signature-help-routes.ts'
import { createStreamHub } from './http/stream-hub.ts'
import { registerStreamRoutes } from './http/stream-routes.ts'
import { registerWebhookLogDetailRoutes } from './http/webhook-log-detail-routes.ts'
import { registerWebhookLogRoutes } from './http/webhook-log-routes.ts'
import { registerWebhookRoutes } from './http/webhook-routes.ts'
import { createMetrics, type Metrics } from './intake/metrics.ts'
import type { IntakeDeps } from './intake/receive-delivery.ts'
import { type DeliveryStorage, writerStorage } from './intake/store-delivery.ts'
import { redactPath } from './intake/redact.ts'
import { type ChangeFeed, createLocalChangeFeed } from './store/change-feed.ts'
import type { Store } from './store/open-store.ts'

export interface AppDeps {
  config: Config
  store: Store
  clock?: () => Date
  /** A pino logger; none means silent (tests). */
  logger?: FastifyBaseLogger
  /** Slow-client limits (tests shorten them); the defaults otherwise. */
  timeouts?: Partial<HttpTimeouts>
  /** Where /metrics reads from; main.ts passes its own so database errors outside requests count too. */
  metrics?: Metrics
  /** Where recorded deliveries are announced (the live stream listens); an in-process feed when not given. */
  changeFeed?: ChangeFeed
  /** The retailer rules emails are read with; the built-in list when absent (tests add a retailer). */
  emailRules?: readonly RetailerRule[]
  /** Where deliveries are stored (main.ts passes the SQLite delivery writer thread); the store's writer when absent. */
  deliveryStorage?: DeliveryStorage
}

// The secret URL as pasted into a sender's settings with a slash at the end: the same route as without it.
const TOKEN_URL_WITH_SLASH = /^(\/api\/v2\/webhooks\/orders\/[^/?]+)\/(?=\?|$)/

function withoutTokenSlash (request: { url?: string }): string {
  const url = request.url ?? '/'
  return url.replace(TOKEN_URL_WITH_SLASH, '$1')
}

/** Failed signatures or tokens a minute from one address: a sender with a wrong secret fails far less often than this. */
const AUTH_FAILURES_PER_MINUTE = 20

/** Builds the HTTP app: routes, schemas, docs and error handling. Never listens and never reads the environment. */
export async function buildApp (deps: AppDeps): Promise<FastifyInstance> {
  const { config, store } = deps
  const clock = deps.clock ?? (() => new Date())
  const app = Fastify({
    ...(deps.logger === undefined ? { logger: false } : { loggerInstance: deps.logger }),
    bodyLimit: config.bodyLimit,
    ...timeoutOptions(deps.timeouts),
    // refuse-when-closing.ts answers requests that arrive while the server closes, with Retry-After.
    return503OnClosing: false,
    rewriteUrl: withoutTokenSlash,
    // Fastify's own request log prints the URL, which holds the secret token of /orders/{token}; ours prints the route.
    logController: new LogController({ disableRequestLogging: true }),
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: false } },
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError
  })
  registerErrorHandlers(app)
  registerNulGuard(app)
  registerRepeatedQueryGuard(app)
  registerInfiniteNumberGuard(app)
  await registerSecurityHeaders(app)
  registerRefuseWhenClosing(app)
  // Hooks on the delivery path are callbacks, not async functions: each promise is a turn of the event loop per request.
  app.addHook('onResponse', (request, reply, done) => {
    const route = routeFactsOf(request).url ?? redactPath(request.url, undefined)
    request.log.info({ method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request')
    done()
  })
  registerSchemas(app)
  await app.register(swagger, {
    openapi: {
      info: { title: 'ROMS API', description: 'Order intake and management for online resellers', version: '2.0.0' }
    }
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  const metrics = deps.metrics ?? createMetrics()
  const changeFeed = deps.changeFeed ?? createLocalChangeFeed({ onError: (error) => app.log.error({ err: error }, 'change feed listener failed') })
  if (deps.changeFeed === undefined) app.addHook('onClose', async () => { changeFeed.close() })
  const storage = deps.deliveryStorage ?? writerStorage(store.writer)
  const queueDepth = (): number => storage.depth() + (deps.deliveryStorage === undefined ? 0 : store.writer.depth())
  const intake: IntakeDeps = {
    writer: store.writer,
    storage,
    secrets: config.secrets,
    bodyLimit: config.bodyLimit,
    clock,
    onRecorded: (result) => {
      metrics.recordDelivery(result)
      if (result.logId !== null) changeFeed.publish(result.logId)
    }
  }
  const guesses = createTokenGuessLimit({ perMinute: AUTH_FAILURES_PER_MINUTE, now: () => clock().getTime() })
  registerAccessRule(app, config.apiTokens, guesses)
  registerJsonOnly(app)
  registerSessionRoutes(app, config.apiTokens, guesses)
  registerHealthRoutes(app, store, queueDepth)
  const limits = createDeliveryLimits(intake, {
    perMinute: config.rateLimit,
    authFailuresPerMinute: AUTH_FAILURES_PER_MINUTE,
    now: () => clock().getTime(),
    onLimited: metrics.recordRateLimited
  })
  await registerWebhookRoutes(app, { intake, bodyLimit: config.bodyLimit, signatureRequired: () => config.secrets.webhook.length > 0, limits })
  registerMetricsRoutes(app, metrics, queueDepth)
  registerCustomerRoutes(app, store, clock)
  registerSignatureHelpRoutes(app, config.secrets)
  registerWebhookLogRoutes(app, store)
  registerWebhookLogDetailRoutes(app, store, intake)
  registerOrderRoutes(app, store)
  registerOrderPatchRoutes(app, intake)
  registerOrderStatsRoutes(app, store)
  registerOrderExportRoutes(app, store)
  registerStreamRoutes(app, createStreamHub({
    db: store.db,
    feed: changeFeed,
    onError: (error, context) => app.log.error({ err: error }, context)
  }))
  const emails = {
    writer: store.writer,
    clock,
    onOrderChanged: changeFeed.publishOrder,
    ...(deps.emailRules === undefined ? {} : { rules: deps.emailRules })
  }
  await registerEmailRoutes(app, { emails, store, bodyLimit: config.bodyLimit })
  registerDashboardRoutes(app)
  return app
}
