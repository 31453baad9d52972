import { applyEmail, type EmailResult } from '../../email/apply-email.ts'
import { findNotEmail } from '../../email/find-not-email.ts'
import { readMboxMessages } from '../../email/split-mbox.ts'
import { type Command, flagOption, UsageError } from '../command.ts'
import { describeFileError, isFileError } from '../file-problem.ts'
import { withStore } from '../open-cli-store.ts'
import { streamNamedFile } from '../read-named-file.ts'

export const emailCommand: Command = {
  name: 'email',
  summary: 'Read retailer emails saved as .eml or mbox files into orders',
  usage: 'roms email import [--json] <file.eml|file.mbox|-…>',
  help: `
Each email goes through the same rules as the mailbox poller: the retailer is recognised, the order number, items,
tracking numbers and cancellations are read, and the order is updated. An email applied before (same Message-ID)
is answered duplicate and changes nothing; one that cannot be applied is kept, with its problems, for the API.

A file may hold one email (.eml) or many (an mbox file, as Google Takeout and Thunderbird export them); - reads
stdin. A file that cannot be read, or is not an email (empty, an Outlook .msg, a zip, a PDF), is reported and the
others are still imported.

options:
  --json   one JSON line per email

Exit code 1 when an email failed or a file could not be read or was not an email.`,
  options: { json: { type: 'boolean' } },
  run: async (input, terminal) => {
    const [action, ...files] = input.positionals
    if (action !== 'import' || files.length === 0) throw new UsageError('usage: roms email import <file.eml…>')
    return await withStore(terminal, async (store) => {
      let code = 0
      const apply = async (name: string, message: Buffer): Promise<void> => {
        const notEmail = findNotEmail(message)
        if (notEmail !== undefined) {
          terminal.say(`roms email: ${name.replace(/^-(?=#|$)/, 'stdin')} is ${notEmail}`)
          code = 1
          return
        }
        const result = await applyEmail({ writer: store.writer, clock: () => new Date() }, message, { via: 'cli' })
        if (result.status === 'failed') code = 1
        await terminal.print(flagOption(input, 'json') ? JSON.stringify({ file: name, ...result }) : describeResult(name, result))
      }
      for (const file of files) {
        // One message is held back until the next shows whether the file is an mbox of several (file#1, file#2, ...).
        let held: Buffer | undefined
        let count = 0
        let isUnreadable = false
        try {
          for await (const message of readMboxMessages(file === '-' ? terminal.stdin : streamNamedFile(file))) {
            count++
            if (held !== undefined) await apply(`${file}#${count - 1}`, held)
            held = message
          }
        } catch (error) {
          if (!isFileError(error)) throw error
          terminal.say(`roms email: ${describeFileError(error)}`)
          code = 1
          isUnreadable = true
        }
        // The last message read whole is applied even when the file could not be read to its end.
        if (held !== undefined) await apply(count > 1 ? `${file}#${count}` : file, held)
        else if (!isUnreadable) await apply(file, Buffer.alloc(0))
      }
      return code
    })
  }
}

function describeResult (file: string, result: EmailResult): string {
  const order = result.orderNumber === null ? '' : ` order ${result.orderNumber}${result.action === undefined ? '' : ` ${result.action}`}`
  const about = [result.retailer, result.kind].filter((part) => part !== null).join(' ')
  const problems = result.problems.length === 0 ? '' : `: ${result.problems.join('; ')}`
  return `${file}: ${result.status}${about === '' ? '' : ` (${about})`}${order}${problems}`
}
