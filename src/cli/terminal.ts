import type { Readable, Writable } from 'node:stream'

export interface Paint {
  red: (text: string) => string
  green: (text: string) => string
  yellow: (text: string) => string
  dim: (text: string) => string
  bold: (text: string) => string
}

/** Where a command reads and writes: data to `stdout`, messages and progress to `stderr`. */
export interface Terminal {
  stdin: Readable
  stdout: Writable & { isTTY?: boolean }
  stderr: Writable & { isTTY?: boolean, columns?: number }
  /** Handed to loadConfig, so tests can run a command with variables of their own. */
  env: NodeJS.ProcessEnv
  cwd: string
  paint: Paint
  /** Writes a line of data; waits when the reader of stdout is slower than we are (an export piped into gzip). */
  print: (line: string) => Promise<void>
  /** Writes a line of message. */
  say: (line: string) => void
}

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const

/**
 * Colours only when stdout is a terminal and NO_COLOR is unset (https://no-color.org): piped output and scripts get
 * plain text.
 */
export function createTerminal (io: Pick<Terminal, 'stdin' | 'stdout' | 'stderr' | 'env' | 'cwd'>): Terminal {
  const color = io.stdout.isTTY === true && (io.env.NO_COLOR === undefined || io.env.NO_COLOR === '')
  const paint = Object.fromEntries(Object.entries(CODES).map(([name, code]) => [
    name, color ? (text: string) => `\u001b[${code}m${text}\u001b[0m` : (text: string) => text
  ])) as unknown as Paint
  return {
    ...io,
    paint,
    print: async (line) => await writeWaiting(io.stdout, `${line}\n`),
    say: (line) => { io.stderr.write(`${line}\n`) }
  }
}

/** Writes, and waits for the reader to catch up; output to a reader that has gone (a closed pipe) is dropped. */
export async function writeWaiting (stream: Writable, chunk: string): Promise<void> {
  if (hasGone(stream) || stream.write(chunk)) return
  // A pipe whose reader went away fails the write (EPIPE) before write() returns, and 'drain' never comes: waiting
  // for it left the event loop empty, and the process ended there, exit code 0, with the rest of its work undone.
  if (hasGone(stream) || !stream.writableNeedDrain) return
  await new Promise<void>((resolve) => {
    const done = (): void => {
      for (const event of ['drain', 'close', 'error']) stream.off(event, done)
      resolve()
    }
    for (const event of ['drain', 'close', 'error']) stream.once(event, done)
  })
}

function hasGone (stream: Writable): boolean {
  return stream.destroyed || stream.writableEnded || stream.errored !== null
}
