import type { Config } from '../config.ts'
import { isLoopback } from './access.ts'

/**
 * What to tell the operator when the server listens beyond this machine without the secrets that make that safe.
 * Only warnings: a LAN-only setup may choose so, and refusing to start would break it.
 */
export function exposureWarnings (config: Pick<Config, 'host' | 'secrets' | 'apiTokens'>): string[] {
  if (isLoopback(config.host) || config.host === 'localhost') return []
  const warnings: string[] = []
  if (config.secrets.webhook.length === 0) {
    warnings.push(`listening on ${config.host} without WEBHOOK_SECRET: anyone who can reach this port can create and change orders; ` +
      'set WEBHOOK_SECRET (and sign deliveries) or give senders that cannot sign the WEBHOOK_URL_TOKEN URL')
  }
  if (config.apiTokens.length === 0) {
    warnings.push(`listening on ${config.host} without ROMS_API_TOKEN: the orders API and dashboard are served to this machine only; ` +
      'set ROMS_API_TOKEN to use them from elsewhere')
  }
  return warnings
}
