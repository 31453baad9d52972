import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const RUN = join(import.meta.dirname, '../../src/cli/run.ts')
const TSX = import.meta.resolve('tsx')

export interface RomsResult {
  code: number | null
  stdout: string
  stderr: string
}

export interface RomsOptions {
  env?: Record<string, string>
  stdin?: string | Buffer
}

/**
 * The real command in a child process, as a user runs it. The child gets only the variables given (and PATH), and
 * starts in an empty folder, so neither this machine's environment nor a .env file leaks in.
 */
export function spawnRoms (args: readonly string[], options: RomsOptions = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', TSX, RUN, ...args], {
    cwd: mkdtempSync(join(tmpdir(), 'roms-cli-cwd-')),
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe']
  })
  child.stdin?.end(options.stdin)
  return child
}

export async function runRoms (args: readonly string[], options: RomsOptions = {}): Promise<RomsResult> {
  const child = spawnRoms(args, options)
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk })
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', resolve)
  })
  return { code, stdout, stderr }
}

/** Resolves with the output so far once `pattern` appears in the stream. */
export async function waitForOutput (stream: NodeJS.ReadableStream, pattern: RegExp): Promise<string> {
  let seen = ''
  return await new Promise((resolve, reject) => {
    const onData = (chunk: Buffer | string): void => {
      seen += String(chunk)
      if (!pattern.test(seen)) return
      stream.off('data', onData)
      resolve(seen)
    }
    stream.on('data', onData)
    stream.once('end', () => reject(new Error(`the stream ended before ${String(pattern)}; it said: ${seen}`)))
  })
}
