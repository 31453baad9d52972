import { eraseCustomer } from '../../store/erase-customer.ts'
import { type Command, flagOption, UsageError } from '../command.ts'
import { withStore } from '../open-cli-store.ts'

export const eraseCommand: Command = {
  name: 'erase',
  summary: "Erase one customer's personal data (email, name, raw bodies that carry them)",
  usage: 'roms erase <email> [--json]',
  help: `
For a data-subject request. On the customer's orders the email, the name and personal extra fields are erased; so are
the old values in their history, and the raw bodies, previews and headers of every delivery and email that carried the
address. Orders, amounts, items and tracking stay: the books need them. Runs in small batches beside a running server.

options:
  --json   print {"orders": n, "events": n, "deliveries": n, "emails": n}`,
  options: { json: { type: 'boolean' } },
  maxPositionals: 1,
  run: async (input, terminal) => {
    const [email] = input.positionals
    if (email === undefined || !email.includes('@')) throw new UsageError('give the customer\'s email address')
    return await withStore(terminal, async (store) => {
      const report = await eraseCustomer(store, email, new Date())
      if (flagOption(input, 'json')) await terminal.print(JSON.stringify(report))
      else await terminal.print(`erased ${email}: ${report.orders} orders, ${report.events} events, ${report.deliveries} deliveries, ${report.emails} emails`)
      return 0
    })
  }
}
