import { applyEmail, type EmailResult } from '../../email/apply-email.ts'
import { findNotEmail } from '../../email/find-not-email.ts'
import { splitMbox } from '../../email/split-mbox.ts'
import { type Command, flagOption, UsageError } from '../command.ts'
import { describeFileError, isFileError } from '../file-problem.ts'
import { withStore } from '../open-cli-store.ts'
import { readInput } from '../read-input.ts'

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
      for (const file of files) {
        let raw: Buffer
        try {
          raw = await readInput(file, terminal.stdin)
        } catch (error) {
          if (!isFileError(error)) throw error
          terminal.say(`roms email: ${describeFileError(error)}`)
          code = 1
          continue
        }
        const notEmail = findNotEmail(raw)
        if (notEmail !== undefined) {
          terminal.say(`roms email: ${file === '-' ? 'stdin' : file} is ${notEmail}`)
          code = 1
          continue
        }
        const messages = splitMbox(raw)
        for (const [i, message] of messages.entries()) {
          const name = messages.length > 1 ? `${file}#${i + 1}` : file
          const result = await applyEmail({ writer: store.writer, clock: () => new Date() }, message, { via: 'cli' })
          if (result.status === 'failed') code = 1
          await terminal.print(flagOption(input, 'json') ? JSON.stringify({ file: name, ...result }) : describeResult(name, result))
        }
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
