import { loadConfig } from '../../config.ts'
import { openStore } from '../../store/open-store.ts'
import { type Command, flagOption } from '../command.ts'

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Bring the database schema up to date',
  usage: 'roms migrate [--json]',
  help: `
Applies the migrations this version has and the database lacks. roms serve does the same on start; run it alone
before starting several instances, or to check a database. Refuses a database written by a newer ROMS.

options:
  --json   print {"applied": [...]} instead of text`,
  options: { json: { type: 'boolean' } },
  maxPositionals: 0,
  run: async (input, terminal) => {
    const config = loadConfig(terminal.env, terminal.cwd)
    const store = openStore(config.databaseUrl)
    try {
      const { applied } = await store.migrate()
      if (flagOption(input, 'json')) await terminal.print(JSON.stringify({ applied }))
      else if (applied.length === 0) terminal.say('the database is up to date')
      else for (const name of applied) terminal.say(`${terminal.paint.green('applied')} ${name}`)
      return 0
    } finally {
      await store.close()
    }
  }
}
