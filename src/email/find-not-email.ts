// Files saved from mail clients and other tools that are not an email as it was sent (RFC 822). Read as one, they
// were kept for review as an unreadable message of binary bytes, and the command said nothing was wrong.
const NOT_EMAILS: ReadonlyArray<[(raw: Buffer) => boolean, string]> = [
  [(raw) => isBlank(raw), 'empty'],
  // Classic Outlook for Windows saves (and drags out) messages in its own compound-file format.
  [(raw) => raw.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])),
    'an Outlook .msg file, not the email as it was sent: forward the email to the polled mailbox, or save it as .eml (Outlook on the web and the new Outlook do)'],
  [(raw) => raw.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'latin1')), 'a zip archive, not an email: unzip it and give the .eml or .mbox files inside'],
  [(raw) => raw.subarray(0, 5).toString('latin1') === '%PDF-', 'a PDF (a printed email), not the email itself: save the email as .eml']
]

/** Why these bytes are not an email (an .eml or mbox file), or undefined when they may be one. */
export function findNotEmail (raw: Buffer): string | undefined {
  return NOT_EMAILS.find(([isFormat]) => isFormat(raw))?.[1]
}

function isBlank (raw: Buffer): boolean {
  for (const byte of raw) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false
  return true
}
