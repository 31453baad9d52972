import { createHmac } from 'node:crypto'
import { isSameSecret } from '../intake/signatures/compare-secret.ts'

export const SESSION_COOKIE = 'roms_session'
const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600

/**
 * The cookie holds a value derived from the token, never the token: it signs nobody in elsewhere, and changing
 * ROMS_API_TOKEN signs every browser out. Stateless, so it survives restarts and works on every instance.
 */
function sessionValueOf (token: string): string {
  return createHmac('sha256', token).update('roms-session-v1').digest('base64url')
}

export function matchingToken (given: string, tokens: readonly string[]): boolean {
  // Every token is compared, so the time taken does not tell which one (or whether any) matched.
  return tokens.reduce((found, token) => isSameSecret(given, token) || found, false)
}

export function isValidSession (value: string, tokens: readonly string[]): boolean {
  return tokens.reduce((found, token) => isSameSecret(value, sessionValueOf(token)) || found, false)
}

export function sessionCookie (token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${sessionValueOf(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_MAX_AGE_SECONDS}${secure ? '; Secure' : ''}`
}

export function clearedSessionCookie (secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`
}

export function readCookie (header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim()
  }
  return undefined
}
