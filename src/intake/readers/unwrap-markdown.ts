/**
 * Discord markdown around a value, removed so the value is kept as the bot meant it: `||spoiler||`,
 * `[text](url)`, **bold**, __underline__, *italic*, ~~strike~~, `code`, block quotes, headings, list bullets,
 * custom emoji and backslash escapes. Text inside is left exactly as written (`Amex #2 $500` stays so).
 */
export function unwrapMarkdown (text: string): string {
  return text.split('\n').map(unwrapLine).join('\n').trim()
}

const LINE_PREFIX = /^\s*(?:>>>\s?|>\s?|-#\s+|#{1,3}\s+|[-•*]\s+)+/
const ESCAPED = /\\([\\*_~`|#>[\]()-])/g

function unwrapLine (line: string): string {
  const escapes: string[] = []
  // Escaped characters are literal: set them aside so no rule below takes them for markup.
  let text = line.replace(ESCAPED, (_, char: string) => `\u0000${escapes.push(char) - 1}\u0000`)
  text = text
    .replace(LINE_PREFIX, '')
    .replace(/```(?:[a-z]+\n)?([\s\S]*?)```/gi, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\|\|([\s\S]*?)\|\|/g, '$1')
    // Bounded, and stopping at the next "[", so a long run of "[" is scanned in linear time rather than quadratic.
    .replace(/\[([^[\]]{0,512})\]\(<?[^)\s>]{0,2048}>?\)/g, '$1')
    .replace(/<a?:\w+:\d+>/g, '')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/\*\*([\s\S]*?)\*\*/g, '$1')
    .replace(/__([\s\S]*?)__/g, '$1')
    .replace(/~~([\s\S]*?)~~/g, '$1')
    .replace(/(^|[\s(])\*(\S(?:[^*]*\S)?)\*(?=[\s).,!?:]|$)/g, '$1$2')
    .replace(/(^|[\s(])_(\S(?:[^_]*\S)?)_(?=[\s).,!?:]|$)/g, '$1$2')
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u0000(\d+)\u0000/g, (_, i: string) => escapes[Number(i)] ?? '').trim()
}
