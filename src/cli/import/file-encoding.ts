import { createReadStream } from 'node:fs'
import { Transform } from 'node:stream'

/**
 * Whether the whole file is UTF-8. Excel on Windows saves "CSV (Comma delimited)" in the system's code page
 * (Windows-1252 in the US and western Europe), where "Café" and "£120" are bytes that are not UTF-8; read as UTF-8
 * they became U+FFFD, stored in the product names and refused in the amounts. Checked over the whole file, because
 * the first accented name may be far down.
 */
export async function isUtf8File (path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  try {
    for await (const chunk of createReadStream(path)) decoder.decode(chunk as Buffer, { stream: true })
    decoder.decode()
    return true
  } catch (error) {
    if (error instanceof TypeError) return false
    throw error
  }
}

// Windows-1252's bytes 0x80 to 0x9F (€, curly quotes, dashes, ™); the others are Latin-1's. Node's TextDecoder reads
// 'windows-1252' as Latin-1, giving control characters for these, so they are mapped here.
const C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

/** Windows-1252 bytes in, text out (one byte is one character, so chunks can be cut anywhere). */
export function decodeWindows1252 (): Transform {
  return new Transform({
    transform (chunk: Buffer, _encoding, done) {
      done(null, chunk.toString('latin1').replace(/[\x80-\x9f]/g, (char) => C1[char.charCodeAt(0) - 0x80] ?? char))
    }
  })
}
