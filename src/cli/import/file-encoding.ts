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

export type FileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

/** UTF-16 by its byte order mark (Excel's "Unicode Text"), else UTF-8 when the whole file is, else Windows-1252. */
export async function findFileEncoding (path: string, head: Buffer): Promise<FileEncoding> {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  return await isUtf8File(path) ? 'utf-8' : 'windows-1252'
}

/** The file's bytes in, text out; undefined for UTF-8, which the CSV parser reads itself. */
export function decodeFrom (encoding: FileEncoding): Transform | undefined {
  if (encoding === 'utf-8') return undefined
  if (encoding === 'windows-1252') return decodeWindows1252()
  const decoder = new TextDecoder(encoding)
  return new Transform({
    transform (chunk: Buffer, _encoding, done) { done(null, decoder.decode(chunk, { stream: true })) },
    flush (done) { done(null, decoder.decode()) }
  })
}

/** Windows-1252 bytes in, text out (one byte is one character, so chunks can be cut anywhere). */
function decodeWindows1252 (): Transform {
  return new Transform({
    transform (chunk: Buffer, _encoding, done) {
      done(null, chunk.toString('latin1').replace(/[\x80-\x9f]/g, (char) => C1[char.charCodeAt(0) - 0x80] ?? char))
    }
  })
}
