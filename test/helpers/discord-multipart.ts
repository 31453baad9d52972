/**
 * A multipart body as discord.js sends a webhook post: `payload_json` and, when given, a screenshot as `files[0]`;
 * built by hand, byte for byte.
 */
export function discordMultipart (boundary: string, payloadJson: string, file?: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="payload_json"\r\nContent-Type: application/json\r\n\r\n${payloadJson}\r\n`)]
  if (file !== undefined) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files[0]"; filename="checkout.png"\r\nContent-Type: image/png\r\n\r\n`), file, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return Buffer.concat(parts)
}
