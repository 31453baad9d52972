import type { OrderStats } from '../types.ts'

export interface Day {
  day: string
  orders: number
  spend: string
}

const DAY_MS = 86_400_000

/** The UTC days of a range, oldest first: `days` days ending today. Stats count days in UTC, so these do too. */
export function rangeDays (days: number, now = new Date()): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  return Array.from({ length: days }, (_, i) => new Date(today - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10))
}

/** The per-day series with the quiet days (absent from the API's answer) filled in as zero. */
export function fillDays (perDay: OrderStats['per_day'], days: readonly string[]): Day[] {
  const byDay = new Map(perDay.map((d) => [d.day, d]))
  return days.map((day) => byDay.get(day) ?? { day, orders: 0, spend: '0.00' })
}

/** "2026-11-28" as "Nov 28", read as a UTC date so it never shifts a day in a browser west of Greenwich. */
export function dayLabel (day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })
}
