import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.ts'
import { type Config, loadConfig } from '../../src/config.ts'
import type { RetailerRule } from '../../src/email/retailers/index.ts'
import type { Store } from '../../src/store/open-store.ts'
import { type DatabaseKind, openTestStore } from './test-database.ts'

export interface TestApp {
  app: FastifyInstance
  store: Store
  config: Config
  databaseUrl: string
  close: () => Promise<void>
}

/** Configuration as the server would load it from these variables, without reading this machine's environment. */
export function testConfig (env: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', ...env }, mkdtempSync(join(tmpdir(), 'roms-cwd-')))
}

export interface TestAppOptions {
  clock?: () => Date
  /** The retailer rules emails are read with (a test adds a retailer); the built-in list when absent. */
  emailRules?: readonly RetailerRule[]
}

/** The app on a fresh database. Always `await close()` (in afterEach/afterAll): it closes the app and drops the data. */
export async function buildTestApp (kind: DatabaseKind, env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const { store, databaseUrl, cleanup } = await openTestStore(kind)
  const config = testConfig(env)
  const app = await buildApp({
    config,
    store,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.emailRules === undefined ? {} : { emailRules: options.emailRules })
  })
  await app.ready()
  return {
    app,
    store,
    config,
    databaseUrl,
    close: async () => {
      await app.close()
      await cleanup()
    }
  }
}
