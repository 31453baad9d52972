import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parse as parseDotenv } from 'dotenv'
import { type EmailConfig, readEmailConfig } from './email-config.ts'
import { isPostgresUrl, sqliteFile } from './store/database-url.ts'

export interface SecretLists {
  /** The setup guide's `X-Webhook-Signature` (hex HMAC-SHA256). */
  webhook: readonly string[]
  shopify: readonly string[]
  woocommerce: readonly string[]
  /** Standard Webhooks / Svix `whsec_…` secrets. */
  standardWebhooks: readonly string[]
  /** For senders that cannot sign: `/api/v2/webhooks/orders/{token}`. */
  urlTokens: readonly string[]
}

export interface Config {
  port: number
  host: string
  databaseUrl: string
  logLevel: string
  secrets: SecretLists
  /** Bearer token for the read and admin API and the dashboard; unset means loopback-only access. */
  apiTokens: readonly string[]
  bodyLimit: number
  /** Deliveries a minute from one client on the webhook endpoints. */
  rateLimit: number
  logRetentionDays: number
  /** Mailboxes to poll for retailer emails; none when IMAP_HOST is unset. */
  email: EmailConfig
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

/**
 * The only reader of the environment. Values come from `process.env`, then from a `.env` file in the start folder;
 * every problem is reported at once, and the result is frozen.
 */
export function loadConfig (env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const dotenvPath = resolve(cwd, '.env')
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {}
  const get = (name: string): string | undefined => {
    const value = env[name] ?? fromFile[name]
    return value === undefined || value.trim() === '' ? undefined : value.trim()
  }
  const problems: string[] = []
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const text = get(name)
    if (text === undefined) return fallback
    const n = Number(text)
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${text}"`)
      return fallback
    }
    return n
  }
  const list = (name: string): readonly string[] => Object.freeze((get(name) ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''))

  const logLevel = get('LOG_LEVEL') ?? 'info'
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`)
  const standardWebhooks = list('STANDARD_WEBHOOKS_SECRET')
  for (const secret of standardWebhooks) {
    if (!/^(?:whsec_)?[A-Za-z0-9+/]+={0,2}$/.test(secret)) problems.push('STANDARD_WEBHOOKS_SECRET must be whsec_ followed by base64')
  }

  const databaseUrl = get('DATABASE_URL') ?? './roms_v2.db'
  problems.push(...databaseUrlProblems(databaseUrl, cwd))

  const config: Config = {
    port: integer('PORT', 8001, 0, 65535),
    host: get('HOST') ?? '0.0.0.0',
    databaseUrl,
    logLevel,
    secrets: Object.freeze({
      webhook: list('WEBHOOK_SECRET'),
      shopify: list('SHOPIFY_WEBHOOK_SECRET'),
      woocommerce: list('WOOCOMMERCE_WEBHOOK_SECRET'),
      standardWebhooks,
      urlTokens: list('WEBHOOK_URL_TOKEN')
    }),
    apiTokens: list('ROMS_API_TOKEN'),
    bodyLimit: integer('ROMS_BODY_LIMIT', 1024 * 1024, 1024, 100 * 1024 * 1024),
    rateLimit: integer('ROMS_RATE_LIMIT', 6000, 1, 10_000_000),
    logRetentionDays: integer('ROMS_LOG_RETENTION_DAYS', 30, 1, 36500),
    email: readEmailConfig(get, problems)
  }
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n- ${problems.join('\n- ')}`)
  return Object.freeze(config)
}

/**
 * A PostgreSQL URL, or the path of a SQLite file (`sqlite:` in front allowed) in a folder that exists: SQLite creates
 * the file, not its folder. Another scheme is named without the rest of the URL, which may hold a password.
 */
function databaseUrlProblems (url: string, cwd: string): string[] {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]
  if (scheme !== undefined && !isPostgresUrl(url) && scheme.toLowerCase() !== 'sqlite') {
    return [`DATABASE_URL must be a postgres:// URL or the path of a SQLite file, got a ${scheme}:// URL`]
  }
  if (isPostgresUrl(url) && !URL.canParse(url)) {
    // Not echoed: the URL may hold a password.
    return ['DATABASE_URL is not a valid postgres:// URL (check the host, a port from 1 to 65535, and %-encode special characters in the password)']
  }
  if (isPostgresUrl(url)) {
    const port = new URL(url).port
    if (port !== '' && (Number(port) < 1 || Number(port) > 65535)) return ['DATABASE_URL names a port outside 1-65535']
  }
  const file = sqliteFile(url)
  if (file === undefined) return []
  const folder = dirname(resolve(cwd, file))
  return existsSync(folder) ? [] : [`DATABASE_URL names a SQLite file in ${folder}, a folder that does not exist: create it or choose another path`]
}
