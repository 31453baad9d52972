import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readMboxMessages, splitMbox } from '../../src/email/split-mbox.ts'

const first = 'From: Nike <nike@official.nike.com>\r\nSubject: Your Order Has Shipped\r\n\r\nOrder C01928374650\r\n>From the team\r\n'
const second = 'From: Target <orders@oe.target.com>\nSubject: Here\'s your order\n\nFrom here on: a body line, not a separator\n'
const mbox = Buffer.from([
  'From 1781234567890123456@xxx Tue Nov 24 10:00:00 +0000 2026\r\n', first, '\r\n',
  'From - Mon Nov 30 09:00:00 2026\n', second
].join(''), 'latin1')
const expected = [first.replace('>From the team', 'From the team'), second]

async function readInChunks (bytes: Buffer, size: number): Promise<string[]> {
  const chunks: Buffer[] = []
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size))
  const messages: string[] = []
  for await (const message of readMboxMessages(Readable.from(chunks))) messages.push(message.toString('latin1'))
  return messages
}

describe('splitting an mbox file into its messages', () => {
  it('gives each message as written, without the separator lines and the blank line before them', () => {
    expect(splitMbox(mbox).map((message) => message.toString('latin1'))).toEqual(expected)
  })

  it('gives the same messages when the file is read as a stream, whatever the chunks (a Takeout export of gigabytes)', async () => {
    for (const size of [1, 2, 7, 64, mbox.length]) expect(await readInChunks(mbox, size), `chunks of ${size}`).toEqual(expected)
  })

  it('gives a single email (an .eml) whole, also without a newline at its end', async () => {
    const eml = Buffer.from('From: a@example.com\nSubject: x\n\nbody without a newline', 'latin1')
    expect(splitMbox(eml)).toEqual([eml])
    expect(await readInChunks(eml, 5)).toEqual([eml.toString('latin1')])
  })
})
