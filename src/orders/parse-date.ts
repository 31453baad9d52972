import { DomainError } from '../domain-error.ts'
import { preview } from './parse-money.ts'

// ISO 8601, and the forms scripts print for it: a space for the T, an offset of hours alone (`+09`), a space before
// the offset and a zone name after it (Ruby's `Time#to_s` "2026-11-30 10:00:00 +0000", Go's "... +0000 UTC"), or
// `UTC` / `GMT` alone.
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?))?(?:\s?([Zz]|[+-]\d{2}(?::?\d{2})?)(?:\s[A-Z]{2,5})?|\s(?:UTC|GMT))?$/
// RFC 2822 and HTTP dates (Python's email.utils, JavaScript's toUTCString: "Sun, 27 Oct 2024 10:30:00 GMT"), and
// JavaScript's Date#toString ("Sun Oct 27 2024 10:30:00 GMT+0900 (Japan Standard Time)"): they always carry a zone.
const RFC_2822 = /^(?:[a-z]{3},?\s+)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s+(?:GMT|UTC|UT|Z|[+-]\d{4})$/i
const JS_DATE_STRING = /^[a-z]{3}\s+[a-z]{3}\s+\d{1,2}\s+\d{4}\s+\d{2}:\d{2}:\d{2}\s+GMT[+-]\d{4}(?:\s+\([^)]*\))?$/i
// .NET's and PowerShell 5.1's ConvertTo-Json: "\/Date(1730025000000)\/", milliseconds, an offset that only says how
// the time was shown.
const DOTNET_DATE = /^\/Date\((-?\d{1,15})(?:[+-]\d{4})?\)\/$/
// Unix times below this are seconds, above it milliseconds (1e11 s is the year 5138; 1e11 ms is 1973).
const SECONDS_LIMIT = 1e11

/**
 * Reads a date as ISO 8601 UTC. Accepts ISO 8601 with or without an offset (no offset means UTC, as WooCommerce's
 * `*_gmt` fields and most bots mean it), the zoned forms scripts print (above), and Unix seconds or milliseconds as a
 * number or a digit string. A date only written one way in some countries and another in others (`10/11/2026`) is
 * refused rather than guessed.
 */
export function parseDate (value: unknown, field: string): string {
  const millis = millisOf(psDateTime(value))
  const date = new Date(millis ?? Number.NaN)
  if (millis === undefined || !Number.isFinite(millis) || Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) throw invalid(field, value)
  return date.toISOString()
}

/** `0` is how many scripts write a time they do not have (an unset timestamp): it leaves the stored date alone. */
export function isNoTime (value: unknown): boolean {
  return value === 0 || (typeof value === 'string' && value.trim() === '0')
}

function millisOf (value: unknown): number | undefined {
  if ((typeof value === 'number' && value >= 0) || (typeof value === 'string' && /^\d{9,13}(?:\.\d+)?$/.test(value.trim()))) {
    const n = Number(value)
    return n < SECONDS_LIMIT ? n * 1000 : n
  }
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  const dotnet = DOTNET_DATE.exec(text)
  if (dotnet !== null) return Number(dotnet[1])
  if (RFC_2822.test(text) || JS_DATE_STRING.test(text)) return Date.parse(text.replace(/\s+\([^)]*\)$/, ''))
  const iso = ISO_DATE.exec(text)
  if (iso === null || !isCalendarDay(iso[1] ?? '')) return undefined
  const [, day = '', time, offset] = iso
  // No offset means UTC; a date alone is that day's start, in UTC.
  const zone = offset === undefined || offset === 'z' ? 'Z' : /^[+-]\d{2}$/.test(offset) ? `${offset}:00` : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
  return Date.parse(`${day}T${(time ?? '00:00').replace(',', '.')}${zone}`)
}

/** PowerShell 5.1's ConvertTo-Json writes a DateTime from Get-Date as `{ "value": "\/Date(…)\/", "DateTime": "…" }`. */
function psDateTime (value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('value' in value) || !('DateTime' in value)) return value
  return value.value
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
