import { UsageError } from './command.ts'

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 }

/** `24h`, `30m`, `7d` before now, or an ISO 8601 date or date-time (UTC without an offset), as stored-time text. */
export function parseSince (text: string, now: Date): string {
  const relative = /^(\d+)\s*([mhd])$/i.exec(text.trim())
  if (relative !== null) return new Date(now.getTime() - Number(relative[1]) * (UNITS[(relative[2] ?? 'h').toLowerCase()] ?? 0)).toISOString()
  const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) || /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : `${text}Z`
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : withZone)
  if (!Number.isFinite(time)) throw new UsageError(`--since must be a duration such as 24h, 30m or 7d, or an ISO 8601 date, got "${text}"`)
  return new Date(time).toISOString()
}
