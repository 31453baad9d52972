import { decodeHTMLStrict } from 'entities'

/**
 * Decodes named, decimal and hex character references in one pass, so `&amp;lt;` stays `&lt;`. Named ones are
 * HTML's whole table (the `entities` package): European shops write `119,99&nbsp;&euro;` and `Gr&ouml;&szlig;e`,
 * Shopify `Hoodie&nbsp;&times;&nbsp;2`. A reference HTML does not name, or a code point that is not a character,
 * is left as written rather than guessed.
 */
export function decodeEntities (text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return decodeHTMLStrict(whole)
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole
  })
}
