import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { ConfigError } from '../config.ts'
import { isDomainError } from '../domain-error.ts'
import { isDatabaseUnavailable } from '../store/database-errors.ts'
import { COMMANDS, findCommand } from './command-table.ts'
import { type Command, ListenError, type OptionSpec, RUNNING, UsageError } from './command.ts'
import { describeFileError, isFileError } from './file-problem.ts'
import { createTerminal, type Terminal } from './terminal.ts'

const HELP_OPTION: OptionSpec = { help: { type: 'boolean', short: 'h' } }

/**
 * `roms <command> [options]`. Returns the exit code: 0 ok, 1 failure, 2 usage (wrong arguments or configuration), or
 * RUNNING when the command keeps the process alive (serve).
 */
export async function runCli (argv: readonly string[], terminal: Terminal): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const command = name === 'help' && rest[0] !== undefined ? findCommand(rest[0]) : undefined
    if (command !== undefined) await terminal.print(commandHelp(command))
    else await terminal.print(overview())
    return 0
  }
  if (name === '--version' || name === '-v') {
    await terminal.print('roms 0.1.0')
    return 0
  }
  const command = findCommand(name)
  if (command === undefined) {
    terminal.say(`roms: unknown command "${name}"; run roms --help for the list`)
    return 2
  }
  try {
    const { values, positionals } = parseArgs({ args: [...rest], options: { ...HELP_OPTION, ...command.options }, allowPositionals: true, strict: true })
    if (values.help === true) {
      await terminal.print(commandHelp(command))
      return 0
    }
    if (command.maxPositionals !== undefined && positionals.length > command.maxPositionals) {
      const extra = positionals.slice(command.maxPositionals).map((arg) => `"${arg}"`).join(' ')
      throw new UsageError(`unexpected argument${positionals.length - command.maxPositionals > 1 ? 's' : ''} ${extra}`)
    }
    return await command.run({ values, positionals }, terminal)
  } catch (error) {
    return report(error, command, terminal)
  }
}

function report (error: unknown, command: Command, terminal: Terminal): number {
  const { paint } = terminal
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    // A usage error quotes the arguments, and a database URL typed without --from/--to carries its password.
    terminal.say(`roms ${command.name}: ${withoutPasswords(error.message)}`)
    terminal.say(paint.dim(`usage: ${command.usage}  (roms ${command.name} --help)`))
    return 2
  }
  if (error instanceof ConfigError) {
    terminal.say(error.message)
    return 2
  }
  if (error instanceof ListenError) {
    terminal.say(`roms ${command.name}: ${error.message}`)
    return 1
  }
  if (isDomainError(error)) {
    terminal.say(`${paint.red('error')} ${error.code}: ${error.message}`)
    return 1
  }
  if (isFileError(error)) {
    terminal.say(`roms ${command.name}: ${describeFileError(error)}`)
    return 1
  }
  if (isDatabaseUnavailable(error) || isDatabaseRefusal(error)) {
    terminal.say(`roms ${command.name}: cannot use the database: ${withoutUrls(error instanceof Error ? error.message : String(error))}`)
    return 1
  }
  terminal.say(`${paint.red('error')} ${withoutPasswords(error instanceof Error ? error.stack ?? error.message : String(error))}`)
  return 1
}

// PostgreSQL's classes 28 (a wrong login) and 3D (no such database): the configuration, not the command, is at fault.
function isDatabaseRefusal (error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  return error instanceof Error && typeof code === 'string' && /^(?:28|3D)[0-9A-Z]{3}$/.test(code)
}

/** A driver's message may quote the connection string; its password must never reach a terminal or a log. */
function withoutUrls (message: string): string {
  return message.replace(/\bpostgres(?:ql)?:\/\/\S*/gi, '(DATABASE_URL)')
}

/** A postgres:// URL quoted back to the user keeps its user, host and database; its password becomes ***. */
function withoutPasswords (message: string): string {
  return message.replace(/\b(postgres(?:ql)?:\/\/[^\s:/@"]*:)[^\s@"]*@/gi, '$1***@')
}

function overview (): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    'roms: order intake for online resellers',
    '',
    'usage: roms <command> [options]     roms <command> --help for details',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'The database and secrets come from the environment or .env (DATABASE_URL, WEBHOOK_SECRET, ...).',
    'Exit codes: 0 ok, 1 failure, 2 wrong usage or configuration, 130 an import stopped by Ctrl-C.'
  ].join('\n')
}

function commandHelp (command: Command): string {
  return `usage: ${command.usage}\n\n${command.summary}\n\n${command.help.trim()}`
}

/** Entry point for `node src/cli/run.ts`, `bin/roms.js` and `dist/main.js`. */
export async function main (argv: readonly string[]): Promise<void> {
  // `roms export | head`: the reader has all it wants; stop quietly, as Unix tools do, instead of an EPIPE stack. A
  // command that writes to the database (`roms email import *.eml | head`) goes on without its output: stopping it
  // there left the other files unimported and still exited 0.
  const command = findCommand(argv[0] ?? '')
  const isReadOnly = command === undefined || command.isReadOnly === true
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    if (isReadOnly) process.exit(0)
  })
  const terminal = createTerminal({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() })
  const code = await runCli(argv, terminal)
  // Set rather than exit: process.exit() can cut off output still queued for a pipe.
  if (code !== RUNNING) process.exitCode = code
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
    process.exitCode = 1
  })
}
