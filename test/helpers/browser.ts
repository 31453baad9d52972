import { afterAll, beforeAll } from 'vitest'
import { existsSync, mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core'
import { buildWeb } from '../../web/build.js'
import { buildTestApp, type TestApp, type TestAppOptions } from './test-app.ts'

/** Debian's chromium package, which .ci/run installs. */
export const CHROMIUM_PATH = '/usr/bin/chromium'
export const ARTIFACTS_DIR = join(import.meta.dirname, '../../test-artifacts/dashboard')

/**
 * Whether the browser suites can run. In CI a missing Chromium fails the run (a skipped browser suite would pass
 * silently); elsewhere the suites are skipped with a warning nobody can miss.
 */
export function hasChromium (): boolean {
  if (existsSync(CHROMIUM_PATH)) return true
  if (process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false') {
    throw new Error(`CI is set but ${CHROMIUM_PATH} is missing: install Debian's chromium package (see .ci/run)`)
  }
  console.warn(`\n*** ${CHROMIUM_PATH} is missing: the dashboard browser tests are SKIPPED. Install chromium to run them. ***\n`)
  return false
}

export async function launchBrowser (): Promise<Browser> {
  return await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
  })
}

let built: Promise<string> | undefined

/** The dashboard is served from web/dist: built once per test process, as `npm run build` would. */
export async function buildDashboard (): Promise<string> {
  built ??= buildWeb()
  return await built
}

export interface ServedApp extends TestApp {
  /** http://127.0.0.1:<port> */
  origin: string
}

/** The app on a real socket (EventSource and the browser need one), on loopback so the no-token access rule admits it. */
export async function serveTestApp (env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<ServedApp> {
  const testApp = await buildTestApp('sqlite', env, options)
  await testApp.app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = testApp.app.server.address() as AddressInfo
  return { ...testApp, origin: `http://127.0.0.1:${port}` }
}

/**
 * The dashboard built, a browser and a served app for the describe block it is called in, closed after it; `seed`
 * runs once the app is up. Read them through the getters inside tests (they exist once beforeAll ran).
 */
export function dashboardInChromium (seed?: (server: ServedApp) => Promise<void>): { browser: () => Browser, server: () => ServedApp } {
  let browser: Browser | undefined
  let server: ServedApp | undefined
  beforeAll(async () => {
    await buildDashboard()
    browser = await launchBrowser()
    server = await serveTestApp()
    await seed?.(server)
  })
  afterAll(async () => {
    await server?.close()
    await browser?.close()
  })
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the dashboard is not started: call dashboardInChromium() in a describe block')
    return value
  }
  return { browser: () => started(browser), server: () => started(server) }
}

/** A page whose waits give up well before the test's own timeout, so a failure names the element it waited for. */
export async function openPage (browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await browser.newPage(options)
  page.setDefaultTimeout(10_000)
  return page
}

export interface PageProblems {
  dialogs: string[]
  /** Console errors and uncaught exceptions, CSP violations among them. */
  errors: string[]
}

/** Records what must never happen on the dashboard: a dialog (an injected alert) or a script error. */
export function watchPage (page: Page): PageProblems {
  const problems: PageProblems = { dialogs: [], errors: [] }
  page.on('dialog', (dialog) => {
    problems.dialogs.push(dialog.message())
    // Recorded above; a dialog the closing page already took away needs no dismissing.
    dialog.dismiss().catch(() => undefined)
  })
  page.on('console', (message) => { if (message.type() === 'error') problems.errors.push(message.text()) })
  page.on('pageerror', (error) => problems.errors.push(error.message))
  return problems
}

export async function screenshot (page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true })
}
