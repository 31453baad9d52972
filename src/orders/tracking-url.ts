export type CarrierCode = 'ups' | 'usps' | 'fedex' | 'dhl' | 'amazon'

// The carriers' public tracking pages; each takes the number as given.
const PAGES: Record<CarrierCode, (number: string) => string> = {
  ups: (n) => `https://www.ups.com/track?tracknum=${n}`,
  usps: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  fedex: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  dhl: (n) => `https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=${n}`,
  amazon: (n) => `https://track.amazon.com/tracking/${n}`
}

/** A carrier name as senders write it ("UPS Ground", "USPS", "FedEx Home", "Amazon Logistics"). */
function carrierOf (carrier: string | null): CarrierCode | undefined {
  const name = (carrier ?? '').toLowerCase()
  if (/\busps\b|postal/.test(name)) return 'usps'
  if (/\bups\b/.test(name)) return 'ups'
  if (/fed\s*ex/.test(name)) return 'fedex'
  if (/\bdhl\b/.test(name)) return 'dhl'
  if (/amazon|\bamzl\b/.test(name)) return 'amazon'
  return undefined
}

/** Only formats that belong to one carrier alone; a bare 12-digit number could be FedEx or many others. */
function carrierOfNumber (number: string): CarrierCode | undefined {
  if (/^1Z[0-9A-Z]{16}$/i.test(number)) return 'ups'
  if (/^TBA\d{9,12}$/i.test(number)) return 'amazon'
  if (/^9[2-5]\d{20}$/.test(number)) return 'usps'
  return undefined
}

/** The carrier's tracking page for a number, when the carrier is named or the number's format tells it. */
export function trackingUrl (number: string, carrier: string | null): string | null {
  const code = carrierOf(carrier) ?? carrierOfNumber(number.replace(/\s+/g, ''))
  return code === undefined ? null : PAGES[code](encodeURIComponent(number.replace(/\s+/g, '')))
}
