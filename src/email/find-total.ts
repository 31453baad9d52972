const TOTAL = /^(?:order total|grand total|total(?: charged| paid)?|estimated total)\s*(?:\([^)]*\))?\s*[:-]?\s*((?:US|CA)?\$\s?\d{1,3}(?:,\d{3})*(?:\.\d{2})?)/i

/** The order's total as written ("$145.50"); never a subtotal. */
export function findTotal (body: string): string | undefined {
  for (const line of body.split('\n')) {
    const match = TOTAL.exec(line.trim())
    if (match?.[1] !== undefined) return match[1].replace(/\s/g, '')
  }
  return undefined
}
