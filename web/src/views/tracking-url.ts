// The carriers' public tracking pages, for a tracking number the API gave without a link.
const PAGES: Record<string, string> = {
  ups: 'https://www.ups.com/track?tracknum=',
  usps: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=',
  fedex: 'https://www.fedex.com/fedextrack/?trknbr=',
  dhl: 'https://www.dhl.com/us-en/home/tracking/tracking-express.html?tracking-id=',
  ontrac: 'https://www.ontrac.com/tracking/?number='
}

export function trackingUrl (carrier: string | null | undefined, trackingNumber: string): string | undefined {
  const page = PAGES[(carrier ?? '').trim().toLowerCase()]
  return page === undefined ? undefined : `${page}${encodeURIComponent(trackingNumber)}`
}
