// The stats add amounts as they are stored, never converted (no rates to convert with). One currency throughout is
// shown with its symbol; a mix is shown as a bare number with a note naming the currencies, so "$" never stands for
// euros too.

/** The currency every amount the stats added is in; null when none is known or they are mixed. */
export function spendCurrency (currencies: ReadonlyArray<string | null>): string | null {
  const [only, ...others] = currencies
  return only !== undefined && others.length === 0 ? only : null
}

/** What the Spend card says under its sum when the sum mixes currencies (or known ones with none), else null. */
export function mixedCurrencyNote (currencies: ReadonlyArray<string | null>): string | null {
  if (currencies.length < 2) return null
  const named = currencies.filter((c): c is string => c !== null).map(isolateBidi)
  const parts = currencies.includes(null) ? [...named, 'orders without a currency'] : named
  const listed = parts.length === 2 ? parts.join(' and ') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`
  return `Adds ${listed} as they are, not converted`
}

// A bidi control in a sender's code (U+202E left open) would turn the rest of the sentence around: such a code is
// isolated (U+2068 … U+2069), the way the page's elements isolate sender text (styles.css).
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

function isolateBidi (text: string): string {
  return BIDI_CONTROL.test(text) ? `\u2068${text}\u2069` : text
}
