// An mbox file (Google Takeout's Mail export, Thunderbird's folders, formail) is messages one after another, each
// after a "From " line that follows a blank line (or starts the file). The line names the sender and ends with the
// year ("From 1781...@xxx Tue Nov 24 10:00:00 +0000 2026", Thunderbird's "From - Mon Nov 30 09:00:00 2026"). A body
// line that started with "From " was written as ">From " (mboxrd quotes every level, so one ">" comes off).
const SEPARATOR = /^From \S+ [^\r\n]*\d{4}[ \t]*\r?$/
const QUOTED_FROM = /^>(>*From )/gm

/**
 * The messages of an mbox file, or the one message when the bytes are a single email (an .eml). Works on the bytes
 * (a Takeout export runs to gigabytes, past the longest string Node can make) and keeps each message's bytes as
 * they were, whatever its charset.
 */
export function splitMbox (raw: Buffer): Buffer[] {
  if (!isSeparator(raw, 0)) return [raw]
  const starts: number[] = []
  for (let at = 0; at >= 0 && at < raw.length; at = raw.indexOf('\nFrom ', at + 1)) {
    const line = at === 0 ? 0 : at + 1
    if (line === 0 || (isBlankBefore(raw, at) && isSeparator(raw, line))) starts.push(line)
  }
  return starts.map((start, i) => {
    const headerEnd = raw.indexOf('\n', start)
    const end = starts[i + 1] ?? raw.length
    return unquote(raw.subarray(headerEnd < 0 ? end : Math.min(headerEnd + 1, end), end), i + 1 < starts.length)
  }).filter((message) => message.toString('latin1').trim() !== '')
}

function isSeparator (raw: Buffer, start: number): boolean {
  const end = raw.indexOf('\n', start)
  return SEPARATOR.test(raw.subarray(start, end < 0 ? raw.length : end).toString('latin1'))
}

/** The "\n" at `newline` ends an empty line (the one mbox puts before each "From " line). */
function isBlankBefore (raw: Buffer, newline: number): boolean {
  const before = raw[newline - 1] === 0x0d ? newline - 1 : newline
  return before > 0 && raw[before - 1] === 0x0a
}

/** The message without the blank line that separated it from the next and with its ">From " lines as written. */
function unquote (message: Buffer, isFollowed: boolean): Buffer {
  // latin1 maps every byte to one character and back, so a message in any charset keeps its bytes.
  const text = (isFollowed ? message.toString('latin1').replace(/\r?\n$/, '') : message.toString('latin1')).replace(QUOTED_FROM, '$1')
  return Buffer.from(text, 'latin1')
}
