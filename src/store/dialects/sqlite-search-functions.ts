import type SqliteDatabase from 'better-sqlite3'

/**
 * SQLite's lower() and LIKE fold ASCII letters only, so `ZOË` would not find "Zoë". The search compares a term with
 * other letters through this function instead, registered on every connection (sqlite.ts), the delivery thread's
 * included. A term of ASCII letters keeps the built-in lower(): a JavaScript call per row costs more than the search's
 * whole budget when a common term checks thousands of orders.
 */
export const UNICODE_LOWER = 'unicode_lower'

export function addSearchFunctions (db: SqliteDatabase.Database): void {
  db.function(UNICODE_LOWER, { deterministic: true }, (text: unknown) => typeof text === 'string' ? text.toLowerCase() : text)
}
