import type { ParseArgsConfig } from 'node:util'
import type { Terminal } from './terminal.ts'

export type OptionSpec = NonNullable<ParseArgsConfig['options']>

export interface CommandInput {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>
  positionals: string[]
}

/** One `roms` sub-command: its help text, its options (node:util parseArgs), and what it does. */
export interface Command {
  name: string
  summary: string
  /** The full `--help` text after the usage line. */
  help: string
  usage: string
  options: OptionSpec
  /** The most positional arguments it takes; more are a usage error. Absent: the command checks them itself. */
  maxPositionals?: number
  /**
   * Whether it only reads (export, logs, sign): when its output is piped into a reader that stops early
   * (`roms export | head`), it stops too. A command that changes the database finishes its work all the same.
   */
  isReadOnly?: boolean
  /** Exit code: 0 ok, 1 failure; `RUNNING` for commands that keep the process alive (serve). */
  run: (input: CommandInput, terminal: Terminal) => Promise<number>
}

export const RUNNING = -1

/** A failure the command explains in one line (the server cannot listen on its port): exit code 1, no stack. */
export class ListenError extends Error {
  override name = 'ListenError'
}

/** Wrong arguments: exit code 2 and a pointer to `--help`. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export function stringOption (input: CommandInput, name: string): string | undefined {
  const value = input.values[name]
  return typeof value === 'string' ? value : undefined
}

export function flagOption (input: CommandInput, name: string): boolean {
  return input.values[name] === true
}

export function integerOption (input: CommandInput, name: string, fallback: number, min = 1): number {
  const text = stringOption(input, name)
  if (text === undefined) return fallback
  const n = Number(text)
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, got "${text}"`)
  return n
}

export function choiceOption<T extends string> (input: CommandInput, name: string, choices: readonly T[], fallback: T): T {
  const text = stringOption(input, name)
  if (text === undefined) return fallback
  if (!(choices as readonly string[]).includes(text)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got "${text}"`)
  return text as T
}
