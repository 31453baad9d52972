import { allCouriers, getTracking } from 'ts-tracking-number'

export type CourierCode = 'ups' | 'usps' | 'fedex' | 'dhl' | 'amazon' | 'ontrac' | 's10'

export const CARRIER_NAMES: Record<CourierCode, string> = {
  ups: 'UPS',
  usps: 'USPS',
  fedex: 'FedEx',
  dhl: 'DHL',
  amazon: 'Amazon Logistics',
  ontrac: 'OnTrac',
  s10: 'International post'
}

// UPU S10 numbers (RR123456785GB) end with the country of the postal operator that issued them.
const POSTS: Record<string, string> = {
  GB: 'Royal Mail',
  CA: 'Canada Post',
  NL: 'PostNL',
  FR: 'La Poste',
  JP: 'Japan Post',
  DE: 'Deutsche Post',
  US: 'USPS',
  AU: 'Australia Post',
  BE: 'bpost',
  IT: 'Poste Italiane',
  ES: 'Correos',
  CH: 'Swiss Post',
  SE: 'PostNord',
  DK: 'PostNord'
}

// Earlier couriers win an ambiguous number: a 20-digit USPS label also fits FedEx SmartPost's pattern.
const ORDER: readonly CourierCode[] = ['ups', 'usps', 'fedex', 'amazon', 'ontrac', 'dhl', 's10']

/**
 * Formats whose check digit (or fixed prefix) makes a chance match in running text unlikely. The others (DHL's
 * 10 and 11 digits with a mod-7 check, FedEx's 12 digits, a letter and 9 or 10 digits) fit one number in 7 to 10,
 * so they are only believed next to a tracking label or inside a carrier's tracking link.
 */
const STRONG = new Set([
  'UPS', 'USPS 91', 'USPS 34v2', 'FedEx Ground 96 (22)', 'FedEx Ground GSN', 'FedEx Express (34)',
  'Amazon Logistics', 'OnTrac', 'OnTrac D', 'DHL Express (Piece ID)', 'S10'
])

export interface ValidTracking {
  number: string
  carrier: string
  /** Whether the format alone is evidence enough, without a tracking label nearby. */
  isStrong: boolean
}

/** The number as a carrier writes it, if ts-tracking-number's patterns and check digits accept it. */
export function validateTracking (candidate: string, only?: CourierCode): ValidTracking | undefined {
  const codes = only === undefined ? ORDER : [only]
  const couriers = codes.flatMap(code => allCouriers.filter(courier => courier.courier_code === code))
  const found = getTracking(candidate.toUpperCase(), couriers)
  if (found === undefined) return undefined
  const code = found.courier.code as CourierCode
  const carrier = code === 's10' ? POSTS[found.trackingNumber.slice(-2)] : CARRIER_NAMES[code]
  return { number: found.trackingNumber, carrier: carrier ?? CARRIER_NAMES[code] ?? found.courier.name, isStrong: STRONG.has(found.name) }
}
