import type { Command } from './command.ts'
import { copyDatabaseCommand } from './commands/copy-database.ts'
import { emailCommand } from './commands/email.ts'
import { eraseCommand } from './commands/erase.ts'
import { exportCommand } from './commands/export.ts'
import { importCommand } from './commands/import.ts'
import { logsCommand } from './commands/logs.ts'
import { migrateCommand } from './commands/migrate.ts'
import { pruneCommand } from './commands/prune.ts'
import { replayCommand } from './commands/replay.ts'
import { sendCommand } from './commands/send.ts'
import { serveCommand } from './commands/serve.ts'
import { signCommand } from './commands/sign.ts'

/** Every `roms` command, in the order `roms --help` lists them. */
export const COMMANDS: readonly Command[] = [
  serveCommand,
  migrateCommand,
  signCommand,
  sendCommand,
  importCommand,
  exportCommand,
  replayCommand,
  logsCommand,
  pruneCommand,
  eraseCommand,
  emailCommand,
  copyDatabaseCommand
]

export function findCommand (name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name)
}
