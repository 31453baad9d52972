import { validateTracking, type CourierCode, type ValidTracking } from './validate-tracking.ts'

/**
 * The carriers' own tracking pages and the query parameter that carries the number. Only these hosts are read:
 * a retailer's click-tracking redirect (click.email.nike.com/?qs=...) carries an opaque token, never a number.
 */
const CARRIER_LINKS: ReadonlyArray<{ host: string, courier: CourierCode, params: readonly string[] }> = [
  { host: 'ups.com', courier: 'ups', params: ['tracknum', 'tracknums', 'inquirynumber1'] },
  { host: 'usps.com', courier: 'usps', params: ['tlabels', 'qtc_tlabels1'] },
  { host: 'fedex.com', courier: 'fedex', params: ['trknbr', 'tracknumbers', 'tracknumber'] },
  { host: 'dhl.com', courier: 'dhl', params: ['tracking-id', 'awb', 'trackingnumber'] },
  { host: 'ontrac.com', courier: 'ontrac', params: ['tracking', 'trackingnumber'] }
]

// Postal operators put the (UPU S10) number in the path or the fragment as often as in the query:
// royalmail.com/track-your-item#/tracking-results/RR123456785GB, jouw.postnl.nl/track-and-trace/RR123456785NL-NL-1234AB,
// laposte.fr/outils/suivre-vos-envois?code=..., canadapost-postescanada.ca/track-reperage/en#/search?searchFor=...
const POSTAL_HOSTS = ['royalmail.com', 'postnl.nl', 'laposte.fr', 'canadapost-postescanada.ca', 'canadapost.ca', 'japanpost.jp', 'deutschepost.de', 'auspost.com.au']
const S10 = /(?<![A-Z0-9])[A-Z]{2}\d{9}[A-Z]{2}(?![A-Z0-9])/gi

/** Tracking numbers in carrier tracking links, validated against that carrier's formats only. */
export function findLinkTrackings (links: readonly string[]): ValidTracking[] {
  const found: ValidTracking[] = []
  for (const link of links) {
    if (!URL.canParse(link)) continue
    const url = new URL(link)
    const host = url.hostname.toLowerCase()
    if (POSTAL_HOSTS.some(postal => host === postal || host.endsWith(`.${postal}`))) {
      for (const candidate of decodeURIComponent(url.href).match(S10) ?? []) {
        const tracking = validateTracking(candidate, 's10')
        if (tracking !== undefined) found.push({ ...tracking, isStrong: true })
      }
      continue
    }
    const carrier = CARRIER_LINKS.find(entry => host === entry.host || host.endsWith(`.${entry.host}`))
    if (carrier === undefined) continue
    for (const [name, value] of url.searchParams) {
      if (!carrier.params.includes(name.toLowerCase())) continue
      for (const candidate of value.split(/[,\s]+/)) {
        const tracking = validateTracking(candidate, carrier.courier)
        if (tracking !== undefined) found.push({ ...tracking, isStrong: true })
      }
    }
  }
  return found
}
