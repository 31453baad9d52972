import { applyEmail } from '../../email/apply-email.ts'
import { type Command, flagOption, UsageError } from '../command.ts'
import { withStore } from '../open-cli-store.ts'
import { readNamedFile } from '../read-named-file.ts'

export const emailCommand: Command = {
  name: 'email',
  summary: 'Read retailer emails saved as .eml files into orders',
  usage: 'roms email import [--json] <file.eml…>',
  help: `
Each email goes through the same rules as the mailbox poller: the retailer is recognised, the order number, items,
tracking numbers and cancellations are read, and the order is updated. An email applied before (same Message-ID)
is answered duplicate and changes nothing; one that cannot be applied is kept, with its problems, for the API.

options:
  --json   one JSON line per email

Exit code 1 when an email failed.`,
  options: { json: { type: 'boolean' } },
  run: async (input, terminal) => {
    const [action, ...files] = input.positionals
    if (action !== 'import' || files.length === 0) throw new UsageError('usage: roms email import <file.eml…>')
    return await withStore(terminal, async (store) => {
      let code = 0
      for (const file of files) {
        const result = await applyEmail({ writer: store.writer, clock: () => new Date() }, await readNamedFile(file), { via: 'cli' })
        if (result.status === 'failed') code = 1
        if (flagOption(input, 'json')) {
          await terminal.print(JSON.stringify({ file, ...result }))
          continue
        }
        const order = result.orderNumber === null ? '' : ` order ${result.orderNumber}${result.action === undefined ? '' : ` ${result.action}`}`
        const about = [result.retailer, result.kind].filter((part) => part !== null).join(' ')
        const problems = result.problems.length === 0 ? '' : `: ${result.problems.join('; ')}`
        await terminal.print(`${file}: ${result.status}${about === '' ? '' : ` (${about})`}${order}${problems}`)
      }
      return code
    })
  }
}
