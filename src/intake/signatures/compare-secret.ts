import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * Constant-time equality of two secrets or signatures. Both sides are hashed first so that neither the content nor
 * the length of the expected value leaks through timing.
 */
export function isSameSecret (given: string | Buffer, expected: string | Buffer): boolean {
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}
