import { decodeEntities } from './decode-entities.ts'

const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi
const BARE_URL = /\bhttps?:\/\/[^\s<>"')\]]+/gi

/** Every http(s) link of the email: `href`s of the HTML part and bare URLs of the text part. */
export function findLinks (html: string | null, text: string): string[] {
  const links = new Set<string>()
  for (const match of (html ?? '').matchAll(HREF)) {
    const href = decodeEntities((match[1] ?? match[2] ?? match[3] ?? '').trim())
    if (/^https?:\/\//i.test(href)) links.add(href)
  }
  for (const match of text.matchAll(BARE_URL)) links.add(match[0])
  return [...links]
}

/** The text with its URLs blanked, so a click-tracking token is never read as a tracking or order number. */
export function withoutUrls (text: string): string {
  return text.replace(BARE_URL, ' ')
}
