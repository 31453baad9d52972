/**
 * Tracking numbers for fixtures, with check digits computed here from the carriers' published rules (the same
 * ones jkeen/tracking_number_data records), never by the code under test.
 */

/** Letters count as (char code - 3) mod 10, as UPS specifies for 1Z numbers. */
function digitValue (char: string): number {
  return /\d/.test(char) ? Number(char) : (char.charCodeAt(0) - 3) % 10
}

/** mod 10 where characters at even indexes (from 0) are multiplied by `even` and odd ones by `odd`. */
function mod10 (serial: string, even: number, odd: number): number {
  const sum = [...serial].reduce((total, char, i) => total + digitValue(char) * (i % 2 === 0 ? even : odd), 0)
  return (10 - (sum % 10)) % 10
}

/** UPS: "1Z" and 15 characters, the check digit over those 15. */
export function upsNumber (serial15: string): string {
  return `1Z${serial15}${mod10(serial15, 1, 2)}`
}

/** USPS IMpb (22 digits, "94"/"92"/"93" prefixes): mod 10 over the first 21 digits, weights 3 and 1. */
export function uspsNumber (first21: string): string {
  return `${first21}${mod10(first21, 3, 1)}`
}

/** FedEx Express (12 digits): weights 3,1,7 repeating over 11 digits, sum mod 11 mod 10. */
export function fedexExpressNumber (first11: string): string {
  const weights = [3, 1, 7]
  const sum = [...first11].reduce((total, char, i) => total + Number(char) * (weights[i % 3] ?? 0), 0)
  return `${first11}${(sum % 11) % 10}`
}

/** FedEx Ground (15 digits): mod 10 over 14 digits, weights 1 and 3. */
export function fedexGroundNumber (first14: string): string {
  return `${first14}${mod10(first14, 1, 3)}`
}

/** DHL Express (10 digits): the check digit is the 9-digit serial mod 7. */
export function dhlNumber (first9: string): string {
  return `${first9}${Number(first9) % 7}`
}

/** Amazon Logistics: "TBA" and 12 digits, with no check digit. */
export function amazonNumber (digits12: string): string {
  return `TBA${digits12}`
}

/** UPU S10 (RR123456785GB): 8 serial digits weighted 8,6,4,2,3,5,9,7; 11 minus the sum mod 11, 10 as 0 and 11 as 5. */
export function s10Number (service: string, serial8: string, country: string): string {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7]
  const sum = [...serial8].reduce((total, char, i) => total + Number(char) * (weights[i] ?? 0), 0)
  const check = 11 - (sum % 11)
  return `${service}${serial8}${check === 10 ? 0 : check === 11 ? 5 : check}${country}`
}

/** The same number with its last (check) digit changed, so it must be refused. */
export function withWrongCheckDigit (number: string): string {
  // S10 numbers end with the country after the check digit.
  const at = /[A-Z]{2}$/.test(number) ? number.length - 3 : number.length - 1
  return `${number.slice(0, at)}${(Number(number[at]) + 1) % 10}${number.slice(at + 1)}`
}

export const TRACKING = {
  ups: upsNumber('A1B2C3030512345'),
  ups2: upsNumber('8X4E67036612345'),
  usps94: uspsNumber('940011120987654321012'),
  usps92: uspsNumber('920019030123456789012'),
  fedex12: fedexExpressNumber('77123456789'),
  fedex15: fedexGroundNumber('61290912345678'),
  dhl: dhlNumber('412345678'),
  amazon: amazonNumber('301234567890'),
  royalMail: s10Number('RR', '12345678', 'GB'),
  japanPost: s10Number('EJ', '87654321', 'JP'),
  laPoste: s10Number('LA', '24681357', 'FR')
} as const
