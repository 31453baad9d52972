import { decodeEntities } from './decode-entities.ts'

const DROPPED = /<(script|style|head|title|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi
const COMMENTS = /<!--[\s\S]*?-->/g
const BREAKS = /<br\b[^>]*>/gi
// Elements after which a reader sees a new line; table cells become tab-separated columns of the same line.
const BLOCKS = /<\/?(?:p|div|tr|li|ul|ol|table|tbody|thead|h[1-6]|blockquote|section|article|header|footer|center|hr|dd|dt|dl)\b[^>]*>/gi
const CELLS = /<\/?t[dh]\b[^>]*>/gi
const TAGS = /<[^>]*>/g

/**
 * Plain text of an HTML email, one line per block element, for the readers' line-based patterns. mailparser also
 * derives `text` from HTML-only mail, but through html-to-text with word wrapping that can split a label from its
 * value, so the HTML is converted here.
 */
export function htmlToText (html: string): string {
  const marked = html
    .replace(COMMENTS, '')
    .replace(DROPPED, '')
    .replace(BREAKS, '\n')
    .replace(BLOCKS, '\n')
    .replace(CELLS, '\t')
    .replace(TAGS, '')
  return decodeEntities(marked)
    .split('\n')
    .map(line => line.replace(/[ \u00a0\u200b-\u200d\ufeff]+/g, ' ').replace(/ ?\t[\t ]*/g, '\t').trim())
    .filter((line, i, lines) => line !== '' || (i > 0 && lines[i - 1] !== ''))
    .join('\n')
    .trim()
}
