import { findLinkTrackings } from './carrier-links.ts'
import { validateTracking, type ValidTracking } from './validate-tracking.ts'

const TOKEN = /\b[A-Z0-9]{10,34}\b/gi
// Carriers print long numbers in groups: "9400 1112 0255 5842 3326 69", "1Z 999 AA1 01 2345 6784".
const GROUP = /^[A-Z0-9]{1,6}$/i
const MAX_GROUPS = 12
// German, French and Japanese labels too: Sendungsnummer, numéro de suivi, colis, 追跡番号, お問い合わせ番号.
const LABEL = /\b(?:track(?:ing)?|shipment|shipped|carrier|waybill|ups|usps|fedex|dhl|ontrac|sendungs(?:nummer|verfolgung)|paket|suivi|colis|colissimo)\b|追跡|お問い?合わせ番号|伝票番号/iu
const PHONE = /\b(?:call|phone|tel|fax|text us|sms)\b/i
const CONTEXT_LINES = 2

export interface Tracking {
  number: string
  carrier: string
}

/**
 * Tracking numbers of the email: from carrier tracking links first, then from the text (URLs already blanked).
 * Every candidate must pass ts-tracking-number's check-digit validation; weak formats also need a tracking label
 * on their line or the two before it; the order's own number is never a tracking number.
 */
export function findTrackings (text: string, links: readonly string[], orderNumber?: string): Tracking[] {
  const own = compact(orderNumber ?? '')
  const found = new Map<string, Tracking>()
  const add = (tracking: ValidTracking): void => {
    if (tracking.number === own || found.has(tracking.number)) return
    found.set(tracking.number, { number: tracking.number, carrier: tracking.carrier })
  }
  findLinkTrackings(links).forEach(add)
  const lines = text.split('\n')
  lines.forEach((line, i) => {
    const nearby = lines.slice(Math.max(0, i - CONTEXT_LINES), i + 1).join('\n')
    const isLabelled = LABEL.test(nearby) && !PHONE.test(line)
    for (const candidate of candidates(line, isLabelled)) {
      const tracking = validateTracking(candidate)
      if (tracking !== undefined && (tracking.isStrong || isLabelled)) add(tracking)
    }
  })
  // A run of printed groups also yields its shorter prefixes, and one of them can pass a check digit by chance.
  const numbers = [...found.values()]
  return numbers.filter(tracking => !numbers.some(other => other !== tracking && other.number.includes(tracking.number)))
}

function candidates (line: string, isLabelled: boolean): string[] {
  const tokens = [...line.matchAll(TOKEN)].map(match => match[0]).filter(token => /(?:\d.*){8}/.test(token))
  if (!isLabelled) return tokens
  const words = line.split(/[\s:#]+/)
  const grouped: string[] = []
  words.forEach((_, start) => {
    for (let end = start + 2; end <= Math.min(words.length, start + MAX_GROUPS); end++) {
      const run = words.slice(start, end)
      if (!run.every(word => GROUP.test(word))) break
      const joined = run.join('')
      if (joined.length >= 10 && joined.length <= 34) grouped.push(joined)
    }
  })
  return [...tokens, ...grouped]
}

function compact (text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, '').toUpperCase()
}
