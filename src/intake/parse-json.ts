import { isSafeNumber, parse as parseLossless } from 'lossless-json'
import { DomainError } from '../domain-error.ts'
import { isNestedDeeperThan } from './json-depth.ts'

// An unquoted integer of 16 or more digits may be above 2^53 (Shopify order and line item ids are); an exponent of
// three digits may be beyond what a double holds (1e400 would be Infinity, and JSON has no Infinity).
const LONG_INTEGER = /[:[,]\s*-?\d{16,}\s*[,}\]]|\d[eE][+-]?\d{3,}/

/** Levels of arrays and objects a body may nest. */
export const MAX_JSON_DEPTH = 64

/**
 * JSON.parse, except that integers beyond 2^53 become bigint instead of losing their last digits, and a number beyond
 * a double's range stays the text it was written as (`1e400`), for the field that takes it to name or keep. The
 * lossless parser is slower, so it only runs when the text has such a number.
 */
export function parseJson (text: string): unknown {
  if (isNestedDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new DomainError('INVALID_JSON', `the JSON body is nested more than ${MAX_JSON_DEPTH} levels deep`)
  }
  try {
    if (!LONG_INTEGER.test(text)) return JSON.parse(text)
    return parseLossless(text, null, (digits) => {
      if (isSafeNumber(digits)) return Number(digits)
      if (/^-?\d+$/.test(digits)) return BigInt(digits)
      return Number.isFinite(Number(digits)) ? Number(digits) : digits
    })
  } catch (error) {
    if (error instanceof RangeError) {
      throw new DomainError('INVALID_JSON', 'the JSON body is nested too deeply', { cause: error })
    }
    const reason = error instanceof Error ? error.message : String(error)
    throw new DomainError('INVALID_JSON', `the body is not valid JSON: ${reason}`, { cause: error })
  }
}
