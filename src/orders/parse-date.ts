import { DomainError } from '../domain-error.ts'
import { preview } from './parse-money.ts'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i
// Unix times below this are seconds, above it milliseconds (1e11 s is the year 5138; 1e11 ms is 1973).
const SECONDS_LIMIT = 1e11

/**
 * Reads a date as ISO 8601 UTC. Accepts ISO 8601 with or without an offset (no offset means UTC, as WooCommerce's
 * `*_gmt` fields and most bots mean it), and Unix seconds or milliseconds as a number or a digit string.
 */
export function parseDate (value: unknown, field: string): string {
  let millis: number
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,13}(?:\.\d+)?$/.test(value.trim()))) {
    const n = Number(value)
    millis = n < SECONDS_LIMIT ? n * 1000 : n
  } else if (typeof value === 'string' && ISO_DATE.test(value.trim()) && isCalendarDay(value.trim())) {
    const text = value.trim().replace(' ', 'T')
    const withZone = HAS_OFFSET.test(text) || !text.includes('T') ? text : `${text}Z`
    millis = Date.parse(withZone.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
  } else {
    throw invalid(field, value)
  }
  const date = new Date(millis)
  if (!Number.isFinite(millis) || Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) throw invalid(field, value)
  return date.toISOString()
}

/** Date.parse rolls "2026-02-30" over to March 2: the day must exist in its month. */
function isCalendarDay (text: string): boolean {
  const [year = 0, month = 0, day = 0] = text.slice(0, 10).split('-').map(Number)
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function invalid (field: string, value: unknown): DomainError {
  return new DomainError('INVALID_FIELD', `${field} must be an ISO 8601 date or Unix time, got ${preview(value)}`, { field })
}
