import { existsSync } from 'node:fs'
import { copyDatabase } from '../../store/copy-database.ts'
import { sqliteFile } from '../../store/database-url.ts'
import { openStore } from '../../store/open-store.ts'
import { type Command, flagOption, stringOption, UsageError } from '../command.ts'

export const copyDatabaseCommand: Command = {
  name: 'copy-database',
  summary: 'Copy every order and delivery from one database to another (SQLite to PostgreSQL, or back)',
  usage: 'roms copy-database --from <sqlite file|postgres://…> --to <sqlite file|postgres://…> [--json]',
  help: `
Copies orders, items, tracking numbers, events, delivery records, delivery ids, stored emails (those kept for
review too) and where each mailbox was read up to, ids kept, migrating both databases first. A SQLite source must
exist. Rows the target already has are left alone, so a copy that stopped halfway is finished by running
it again. Stop the servers writing to the source first.

options:
  --from URL   the source: a SQLite file path or a postgres:// URL
  --to URL     the target
  --json       print the rows copied per table as JSON`,
  options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
  maxPositionals: 0,
  run: async (input, terminal) => {
    const from = stringOption(input, 'from')
    const to = stringOption(input, 'to')
    if (from === undefined || to === undefined) throw new UsageError('give both --from and --to')
    if (from === to) throw new UsageError('--from and --to are the same database')
    // SQLite creates a file it is asked to open; a mistyped source would be copied as an empty database.
    const sourceFile = sqliteFile(from)
    if (sourceFile !== undefined && !existsSync(sourceFile)) {
      terminal.say(`roms copy-database: --from ${sourceFile}: no such file; nothing was copied or created`)
      return 1
    }
    const source = openStore(from)
    const target = openStore(to)
    try {
      await source.migrate()
      await target.migrate()
      const counts = await copyDatabase(source, target)
      if (flagOption(input, 'json')) await terminal.print(JSON.stringify(counts))
      else for (const [table, count] of Object.entries(counts)) await terminal.print(`${table.padEnd(21)} ${count.toLocaleString('en-US')}`)
      return 0
    } finally {
      await Promise.all([source.close(), target.close()])
    }
  }
}
