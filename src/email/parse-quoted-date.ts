/**
 * The date a forward quotes for the original. Gmail writes "Mon, Mar 3, 2025 at 10:15 AM" and Outlook "Monday, March
 * 3, 2025 10:15 AM", without a zone: read as UTC. Apple Mail adds a US zone name ("at 9:00:00 AM EST"), which
 * Date.parse knows. Clients set to other languages write the date their way ("Mo., 30. Nov. 2026 um 09:00",
 * "30 novembre 2026 à 09:00:00 UTC+1", "2026年11月30日(月) 9:00"), read by readLocalDate.
 */
export function parseQuotedDate (text: string): string | null {
  const cleaned = text.replace(/\s+at\s+/i, ' ').trim()
  if (cleaned === '') return null
  const hasZone = /(?:[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|Z|[ECMP][SD]T))\s*(?:\([^)]*\))?$/i.test(cleaned)
  const time = Date.parse(hasZone ? cleaned : `${cleaned} UTC`)
  if (!Number.isNaN(time)) return new Date(time).toISOString()
  return readLocalDate(cleaned)
}

const JAPANESE = /(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日(?:\D*?(\d{1,2})[:：時]\s*(\d{2}))?/u
// "30. Nov. 2026", "30 novembre 2026", "30 de noviembre de 2026" (Spanish and Portuguese write "de").
const DAY_MONTH_YEAR = /(\d{1,2})\.?\s+(?:de\s+)?(\p{L}+)\.?\s+(?:de\s+)?(\d{4})(?:\D*?(\d{1,2})[:h](\d{2}))?/u
// UTC+1, GMT+01:00, +0100
const OFFSET = /(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?\s*$/i
// Month names and their short forms in German, French, Spanish, Italian, Dutch and Portuguese (accents taken off),
// tried in this order.
const MONTHS: ReadonlyArray<[string, number]> = [
  ['jan', 1], ['ene', 1], ['gen', 1], ['feb', 2], ['fev', 2], ['mar', 3], ['mrt', 3], ['apr', 4], ['avr', 4], ['abr', 4],
  ['mai', 5], ['may', 5], ['mag', 5], ['mei', 5], ['juin', 6], ['jun', 6], ['giu', 6], ['juil', 7], ['jul', 7],
  ['lug', 7], ['aug', 8], ['aou', 8], ['ago', 8], ['sep', 9], ['set', 9], ['okt', 10], ['oct', 10], ['ott', 10],
  ['out', 10], ['nov', 11], ['dez', 12], ['dec', 12], ['dic', 12]
]

function readLocalDate (text: string): string | null {
  const japanese = JAPANESE.exec(text)
  const european = japanese === null ? DAY_MONTH_YEAR.exec(text) : null
  let parts: [number, number, number, number, number] | undefined
  if (japanese !== null) {
    const [, y, mo, d, h, mi] = japanese
    parts = [Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0)]
  } else if (european !== null) {
    const [, d, name = '', y, h, mi] = european
    const key = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    const month = MONTHS.find(([prefix]) => key.startsWith(prefix))?.[1]
    if (month === undefined) return null
    parts = [Number(y), month, Number(d), Number(h ?? 0), Number(mi ?? 0)]
  }
  if (parts === undefined) return null
  const [year, month, day, hour, minute] = parts
  const offset = OFFSET.exec(text)
  const offsetMinutes = offset === null ? 0 : (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3] ?? 0))
  const time = Date.UTC(year, month - 1, day, hour, minute) - offsetMinutes * 60_000
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}
