/**
 * NUMERIC columns come back as a string from PostgreSQL and as a number from SQLite (which stores "99.99" as a
 * double); both become the exact two-place string the domain uses. Doubles are exact to the cent far beyond any order.
 */
export function toMoney (value: string | number | null): string | null {
  if (value === null) return null
  if (typeof value === 'number') return value.toFixed(2)
  const [whole = '0', decimals = ''] = value.split('.')
  return `${whole}.${(decimals + '00').slice(0, 2)}`
}
