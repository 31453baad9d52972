import { getTracking } from 'ts-tracking-number'
import { describe, expect, it } from 'vitest'
import { findTrackings } from '../../src/email/find-trackings.ts'
import { amazonNumber, TRACKING, withWrongCheckDigit } from './support/tracking-numbers.ts'

const CARRIERS: Record<keyof typeof TRACKING, string> = {
  ups: 'UPS',
  ups2: 'UPS',
  usps94: 'USPS',
  usps92: 'USPS',
  fedex12: 'FedEx',
  fedex15: 'FedEx',
  dhl: 'DHL',
  amazon: 'Amazon Logistics',
  royalMail: 'Royal Mail',
  japanPost: 'Japan Post',
  laPoste: 'La Poste'
}

describe('the fixture tracking numbers', () => {
  it('are accepted by ts-tracking-number, and refused once their check digit is changed', () => {
    for (const [key, number] of Object.entries(TRACKING)) {
      expect(getTracking(number), key).toBeDefined()
      if (key !== 'amazon') expect(getTracking(withWrongCheckDigit(number)), key).toBeUndefined()
    }
  })
})

describe('findTrackings', () => {
  for (const [key, number] of Object.entries(TRACKING) as Array<[keyof typeof TRACKING, string]>) {
    it(`finds a ${CARRIERS[key]} number (${key}) after a tracking label`, () => {
      expect(findTrackings(`Tracking number: ${number}`, [])).toEqual([{ number, carrier: CARRIERS[key] }])
    })
    if (key === 'amazon') continue
    it(`refuses the ${key} number with a wrong check digit`, () => {
      expect(findTrackings(`Tracking number: ${withWrongCheckDigit(number)}`, [])).toEqual([])
    })
  }

  it('refuses an Amazon number one digit short', () => {
    expect(findTrackings(`Tracking ID: ${amazonNumber('30123456789')}`, [])).toEqual([])
  })

  it('finds UPS and USPS numbers without a label, their formats being specific enough', () => {
    expect(findTrackings(`Your box: ${TRACKING.ups}\nand ${TRACKING.usps94}`, []).map(t => t.number)).toEqual([TRACKING.ups, TRACKING.usps94])
  })

  it('needs a tracking label near DHL and FedEx Express numbers, which fit one number in 7 to 10', () => {
    expect(findTrackings(`Gift card ${TRACKING.dhl}\nReference ${TRACKING.fedex12}`, [])).toEqual([])
  })

  it('reads numbers printed in groups of digits', () => {
    const grouped = TRACKING.usps94.replace(/(\d{4})(?=\d)/g, '$1 ')
    expect(findTrackings(`USPS tracking #: ${grouped}`, [])).toEqual([{ number: TRACKING.usps94, carrier: 'USPS' }])
  })

  it('never takes the order number for a tracking number, even when it passes a check digit', () => {
    expect(findTrackings(`Order ${TRACKING.fedex15} has shipped\nTracking: ${TRACKING.ups}`, [], TRACKING.fedex15))
      .toEqual([{ number: TRACKING.ups, carrier: 'UPS' }])
  })

  it('ignores phone numbers and zip codes on a shipping line', () => {
    const text = [
      'Your shipment is on its way to 1600 Main St, Springfield, OR 97477-1234.',
      `Questions about your shipment? Call ${TRACKING.dhl} or (541) 555-0182.`,
      'Shipped to ZIP 97477'
    ].join('\n')
    expect(findTrackings(text, [])).toEqual([])
  })

  it('reads the number from the tracking pages of UPS, USPS, FedEx and DHL', () => {
    const links = [
      `https://www.ups.com/track?loc=en_US&tracknum=${TRACKING.ups}`,
      `https://tools.usps.com/go/TrackConfirmAction?tLabels=${TRACKING.usps92}`,
      `https://www.fedex.com/fedextrack/?trknbr=${TRACKING.fedex12}`,
      `https://www.dhl.com/us-en/home/tracking/tracking-express.html?submit=1&tracking-id=${TRACKING.dhl}`
    ]
    expect(findTrackings('', links)).toEqual([
      { number: TRACKING.ups, carrier: 'UPS' },
      { number: TRACKING.usps92, carrier: 'USPS' },
      { number: TRACKING.fedex12, carrier: 'FedEx' },
      { number: TRACKING.dhl, carrier: 'DHL' }
    ])
  })

  it('takes nothing from click-tracking links, whatever digits they carry', () => {
    const links = [
      `https://click.email.nike.com/?qs=${TRACKING.ups}${TRACKING.usps94}`,
      `https://links.e.footlocker.com/els/v2/${TRACKING.usps92}/?url=https%3A%2F%2Fwww.ups.com%2Ftrack%3Ftracknum%3D${TRACKING.ups}`,
      'not a url'
    ]
    expect(findTrackings('', links)).toEqual([])
  })

  it('refuses a number in a carrier link when it fails that carrier\'s check digit', () => {
    expect(findTrackings('', [`https://www.ups.com/track?tracknum=${withWrongCheckDigit(TRACKING.ups)}`])).toEqual([])
  })

  it('lists a number found in both a link and the text once', () => {
    expect(findTrackings(`Tracking: ${TRACKING.ups}`, [`https://www.ups.com/track?tracknum=${TRACKING.ups}`])).toHaveLength(1)
  })
})
