export type Encoding = 'quoted-printable' | 'base64' | '7bit'

export interface MimeMessage {
  from: string
  to: string
  subject: string
  /** RFC 5322 date, e.g. "Mon, 03 Mar 2025 14:05:00 +0000". */
  date: string
  messageId: string
  text?: string
  html?: string
  encoding: Encoding
}

/** An RFC 822 message with CRLF line ends: multipart/alternative when both parts are given, else a single part. */
export function renderEml (message: MimeMessage): string {
  const headers = [
    `From: ${encodeHeader(message.from)}`,
    `To: ${message.to}`,
    `Subject: ${encodeHeader(message.subject)}`,
    `Date: ${message.date}`,
    `Message-ID: <${message.messageId}>`,
    'MIME-Version: 1.0'
  ]
  const parts = [
    message.text === undefined ? undefined : part('text/plain', message.text, message.encoding),
    message.html === undefined ? undefined : part('text/html', message.html, message.encoding)
  ].filter(p => p !== undefined)
  if (parts.length === 1) return [...headers, parts[0], ''].join('\r\n')
  const boundary = `=_roms_${message.messageId.replace(/[^a-z0-9]/gi, '').slice(0, 20)}`
  return [
    ...headers,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    'This is a multi-part message in MIME format.',
    ...parts.map(p => `--${boundary}\r\n${p}`),
    `--${boundary}--`,
    ''
  ].join('\r\n')
}

function part (type: string, body: string, encoding: Encoding): string {
  return [`Content-Type: ${type}; charset="utf-8"`, `Content-Transfer-Encoding: ${encoding}`, '', encode(body, encoding)].join('\r\n')
}

function encode (body: string, encoding: Encoding): string {
  const lines = body.split('\n')
  if (encoding === 'base64') return (Buffer.from(lines.join('\r\n')).toString('base64').match(/.{1,76}/g) ?? []).join('\r\n')
  if (encoding === '7bit') return lines.join('\r\n')
  return lines.map(encodeQuotedPrintableLine).join('\r\n')
}

/** RFC 2045 section 6.7: escape "=", non-ASCII and trailing spaces; soft line breaks keep lines within 76. */
export function encodeQuotedPrintableLine (line: string): string {
  const escaped = [...Buffer.from(line)].map((byte, i, bytes) => {
    const isTrailingSpace = (byte === 0x20 || byte === 0x09) && i === bytes.length - 1
    return byte === 0x3d || byte > 0x7e || (byte < 0x20 && byte !== 0x09) || isTrailingSpace
      ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}`
      : String.fromCharCode(byte)
  })
  const out: string[] = []
  let current = ''
  for (const token of escaped) {
    if (current.length + token.length > 75) { out.push(`${current}=`); current = '' }
    current += token
  }
  out.push(current)
  return out.join('\r\n')
}

/** RFC 2047 encoded-word for headers with non-ASCII text. */
function encodeHeader (value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(value)) return value
  return value.replace(/^(.*?)(\s*<[^>]+>)?$/, (_, text: string, address: string | undefined) =>
    `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=${address ?? ''}`)
}
