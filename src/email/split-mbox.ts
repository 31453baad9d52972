// An mbox file (Google Takeout's Mail export, Thunderbird's folders, formail) is messages one after another, each
// after a "From " line that follows a blank line (or starts the file). The line names the sender and ends with the
// year ("From 1781...@xxx Tue Nov 24 10:00:00 +0000 2026", Thunderbird's "From - Mon Nov 30 09:00:00 2026"). A body
// line that started with "From " was written as ">From " (mboxrd quotes every level, so one ">" comes off).
const SEPARATOR = /^From \S+ [^\r\n]*\d{4}[ \t]*\r?\n?$/
const QUOTED_FROM = /^>(>*From )/gm

/**
 * The messages of an mbox file, or the one message when the bytes are a single email (an .eml). Works on the bytes
 * and keeps each message's bytes as they were, whatever its charset.
 */
export function splitMbox (raw: Buffer): Buffer[] {
  const splitter = new MboxSplitter()
  const messages: Buffer[] = []
  for (const line of linesOf(raw)) {
    const message = splitter.push(line)
    if (message !== undefined) messages.push(message)
  }
  const last = splitter.end()
  return last === undefined ? messages : [...messages, last]
}

/**
 * The same, read from a stream one message at a time: a Takeout export runs to gigabytes, past what Node reads into
 * one Buffer (2 GiB), so `roms email import` never holds more than a message.
 */
export async function * readMboxMessages (chunks: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  const splitter = new MboxSplitter()
  let rest = Buffer.alloc(0)
  for await (const chunk of chunks) {
    const bytes = Buffer.concat([rest, Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)])
    const end = bytes.lastIndexOf(0x0a) + 1
    for (const line of linesOf(bytes.subarray(0, end))) {
      const message = splitter.push(line)
      if (message !== undefined) yield message
    }
    rest = Buffer.from(bytes.subarray(end))
  }
  if (rest.length > 0) {
    const message = splitter.push(rest)
    if (message !== undefined) yield message
  }
  const last = splitter.end()
  if (last !== undefined) yield last
}

/** Lines with their "\n" (the last one may have none). */
function * linesOf (bytes: Buffer): Generator<Buffer> {
  for (let start = 0; start < bytes.length;) {
    const newline = bytes.indexOf(0x0a, start)
    const end = newline < 0 ? bytes.length : newline + 1
    yield bytes.subarray(start, end)
    start = end
  }
}

/** Takes an mbox's lines in order and gives each message once the line after it (or the end) is seen. */
class MboxSplitter {
  private isMbox: boolean | undefined
  private lines: Buffer[] = []
  private isBlankBefore = false

  push (line: Buffer): Buffer | undefined {
    const isSeparator = SEPARATOR.test(line.toString('latin1'))
    if (this.isMbox === undefined) {
      this.isMbox = isSeparator
      if (isSeparator) return undefined
    }
    let finished: Buffer | undefined
    if (this.isMbox && isSeparator && this.isBlankBefore) {
      finished = this.finish(true)
      this.lines = []
    } else {
      this.lines.push(line)
    }
    this.isBlankBefore = line.length === 1 || (line.length === 2 && line[0] === 0x0d)
    return finished
  }

  end (): Buffer | undefined {
    if (this.isMbox !== true) return this.lines.length === 0 ? undefined : Buffer.concat(this.lines)
    return this.finish(false)
  }

  /** The message without the blank line that separated it from the next and with its ">From " lines as written. */
  private finish (isFollowed: boolean): Buffer | undefined {
    // latin1 maps every byte to one character and back, so a message in any charset keeps its bytes.
    const text = Buffer.concat(this.lines).toString('latin1')
    const message = (isFollowed ? text.replace(/\r?\n$/, '') : text).replace(QUOTED_FROM, '$1')
    return message.trim() === '' ? undefined : Buffer.from(message, 'latin1')
  }
}
