import { DomainError } from '../../domain-error.ts'

// Excel keeps leading zeros and long digit strings (tracking numbers) by writing them as formulas: ="1Z999AA10123456784".
const EXCEL_TEXT_FORMULA = /^="(.*)"$/s
// CSV exports, ROMS's own included, put an apostrophe before text that would start a formula (OWASP CSV injection).
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/
const NO_BREAK_SPACE = /\u00a0/g

/** A spreadsheet cell as the value its author meant: Excel's quoting undone, spaces trimmed. */
export function cleanCell (cell: string): string {
  const text = cell.replace(NO_BREAK_SPACE, ' ').trim()
  const formula = EXCEL_TEXT_FORMULA.exec(text)
  if (formula !== null) return (formula[1] ?? '').replaceAll('""', '"').trim()
  return text.replace(ESCAPED_FORMULA, '')
}

const SLASH_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/

/**
 * Spreadsheets write dates as they display them: `11/28/2026` or `11/28/2026 2:05 PM` in the US, `28.11.2026` or
 * `28/11/2026` elsewhere, or, from a column formatted as a number, as Excel's serial day (`46354`, `46354.59`). These become ISO 8601 (`2026-11-28`, `2026-11-28T14:05:00`); anything else is returned as
 * given, for the order rules to accept (ISO, Unix time) or reject. A slash date that is no day of the calendar in the
 * order read is rejected here, quoting the cell as written (not the rewritten ISO form the user never typed).
 */
export function toIsoDate (text: string, dayFirst: boolean, field: string): string {
  const serial = fromExcelSerial(text.trim())
  if (serial !== undefined) return serial
  const match = SLASH_DATE.exec(text.trim())
  if (match === null) return text
  const [, a = '', b = '', y = '', h, min, s, ampm] = match
  const [month, day] = dayFirst ? [b, a] : [a, b]
  const year = y.length === 2 ? `20${y}` : y
  if (!isCalendarDay(Number(year), Number(month), Number(day))) {
    const order = dayFirst ? 'day/month/year (--day-first)' : 'month/day/year; --day-first reads day/month/year'
    throw new DomainError('INVALID_FIELD', `${field} is not a date: got "${text.trim()}" (read as ${order})`, { field })
  }
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  if (h === undefined || min === undefined) return date
  let hour = Number(h) % (ampm === undefined ? 24 : 12)
  if (ampm?.toLowerCase() === 'pm') hour += 12
  return `${date}T${String(hour).padStart(2, '0')}:${min}:${s ?? '00'}`
}

function isCalendarDay (year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

// Excel counts days from 1899-12-30 (its serial 60 is the 29 February 1900 that never was, so later serials line up
// with this epoch). 20000 to 80000 is 1954 to 2119: a Unix time that small would be the first day of 1970.
const EXCEL_SERIAL = /^(\d{5})(?:\.(\d+))?$/
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)
const DAY = 86_400_000

function fromExcelSerial (text: string): string | undefined {
  const match = EXCEL_SERIAL.exec(text)
  if (match === null || Number(match[1]) < 20_000 || Number(match[1]) > 80_000) return undefined
  const iso = new Date(EXCEL_EPOCH + Math.round(Number(text) * DAY / 1000) * 1000).toISOString()
  return match[2] === undefined ? iso.slice(0, 10) : iso.slice(0, 19)
}
