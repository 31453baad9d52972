import { pino } from 'pino'
import { buildApp } from './app.ts'
import { runCli } from './cli/run.ts'
import { createTerminal } from './cli/terminal.ts'
import { loadConfig } from './config.ts'
import { startMailboxPollers } from './email/mailbox-poller.ts'
import { exposureWarnings } from './http/exposure-warnings.ts'
import { createMetrics } from './intake/metrics.ts'
import { openStore, sqliteFile } from './store/open-store.ts'
import { startDeliveryWriterThread } from './intake/delivery-writer-thread.ts'
import { schedulePruning } from './store/prune-deliveries.ts'
import { createWriteTurn } from './store/dialects/sqlite-write-turn.ts'
import { ListenError } from './cli/command.ts'

/** How long SIGTERM waits for in-flight deliveries before exiting anyway. */
const SHUTDOWN_GRACE_MS = 10_000

export async function serve (): Promise<void> {
  const config = loadConfig()
  const logger = pino({ level: config.logLevel })
  for (const warning of exposureWarnings(config)) logger.warn(warning)
  const metrics = createMetrics()
  const file = sqliteFile(config.databaseUrl)
  const turn = file === undefined ? undefined : createWriteTurn()
  // On SQLite deliveries are written from a thread of their own, beside the one that parses requests; the thread
  // starts with the first delivery, after the migrations.
  const deliveryStorage = file === undefined
    ? undefined
    : startDeliveryWriterThread(file, {
      turn,
      onBatch: metrics.observeBatch,
      onError: (error) => {
        metrics.recordDatabaseError()
        logger.error({ err: error }, 'the delivery writer thread failed')
      }
    })
  const store = openStore(config.databaseUrl, {
    onError: (error) => {
      metrics.recordDatabaseError()
      logger.warn({ err: error }, 'database connection error')
    },
    onBatch: metrics.observeBatch,
    runFold: deliveryStorage?.fold,
    writeTurn: turn,
    readThread: true
  })
  const { applied } = await store.migrate().catch(async (error: unknown) => {
    // Open connections would keep a server that cannot start alive: close them so the process exits with the error.
    await store.close()
    await deliveryStorage?.close()
    throw error
  })
  if (applied.length > 0) logger.info({ applied }, 'database migrated')
  // The store's feed: on PostgreSQL it carries deliveries between instances, so every stream shows every order.
  const app = await buildApp({ config, store, logger, changeFeed: store.changes, metrics, ...(deliveryStorage === undefined ? {} : { deliveryStorage }) })
  await app.listen({ port: config.port, host: config.host }).catch(async (error: unknown) => {
    await app.close()
    await store.close()
    await deliveryStorage?.close()
    throw listenProblem(error, config.host, config.port)
  })
  logger.info({ database: store.features.name === 'sqlite' ? config.databaseUrl : 'postgres' }, 'ROMS is ready: POST orders to /api/v2/webhooks/orders')
  const pollers = config.email.accounts.length === 0
    ? undefined
    : startMailboxPollers({ email: config.email, emails: { writer: store.writer, clock: () => new Date(), onOrderChanged: store.changes.publishOrder }, store, logger })

  const pruning = schedulePruning(store.writer, {
    retentionDays: config.logRetentionDays,
    clock: () => new Date(),
    onDone: (report) => { if (report.deliveries > 0) logger.info(report, 'old delivery records pruned') },
    onError: (error) => logger.error({ err: error }, 'pruning delivery records failed')
  })

  let closing = false
  const shutdown = (signal: string): void => {
    if (closing) return
    closing = true
    logger.info({ signal }, 'shutting down: finishing in-flight deliveries')
    const timer = setTimeout(() => {
      logger.error('shutdown took too long; exiting')
      process.exit(1)
    }, SHUTDOWN_GRACE_MS)
    timer.unref()
    Promise.all([pollers?.stop(), pruning.stop(), app.close()])
      // The store first: it stops the fold, whose last batch may still run on the delivery thread.
      .then(async () => { await store.close() })
      .then(async () => { await deliveryStorage?.close() })
      .then(() => process.exit(0), (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      })
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

/**
 * Why the server cannot listen, in one line for the operator: another server on the port, a port that needs root, an
 * address this machine does not have. Anything else is passed on as it is.
 */
function listenProblem (error: unknown, host: string, port: number): unknown {
  const code = (error as { code?: unknown }).code
  const where = `${host}:${port}`
  if (code === 'EADDRINUSE') return new ListenError(`cannot listen on ${where}: another program is using port ${port}; stop it, or set PORT to another port`)
  if (code === 'EACCES') return new ListenError(`cannot listen on ${where}: this user may not use port ${port}; set PORT to 1024 or above`)
  if (code === 'EADDRNOTAVAIL') return new ListenError(`cannot listen on ${where}: this machine has no address ${host}; set HOST (0.0.0.0 for all, 127.0.0.1 for this machine only)`)
  return error
}

/** `node dist/main.js <command>` runs the `roms` command table (src/cli/); no command means serve, as npm start. */
export async function main (argv: string[]): Promise<number> {
  const terminal = createTerminal({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() })
  return await runCli(argv.length === 0 ? ['serve'] : argv, terminal)
}

if (import.meta.url === `file://${process.argv[1] ?? ''}` || process.argv[1]?.endsWith('/main.ts') === true || process.argv[1]?.endsWith('/main.js') === true) {
  main(process.argv.slice(2)).then((code) => { if (code >= 0) process.exitCode = code }, (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
    process.exit(1)
  })
}
