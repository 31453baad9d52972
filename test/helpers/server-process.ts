import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const START_TIMEOUT_MS = 40_000
const STOP_TIMEOUT_MS = 10_000

export interface ServerProcess {
  url: string
  child: ChildProcess
  /** Everything the process wrote so far (pino JSON lines and stderr). */
  output: () => string
  /** SIGTERM, then SIGKILL if it does not exit in time; resolves with the exit code. */
  stop: () => Promise<number | null>
}

export interface ExitedProcess {
  code: number | null
  output: string
}

/** `node --import tsx src/main.ts serve` with this environment, as `npm run dev` starts it but without watching. */
export function spawnRoms (env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], { cwd: ROOT, env: serverEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Only what a server needs of this process's environment (no DATABASE_URL or secrets of the test run), then `env`. */
export function serverEnv (env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env }
}

/**
 * Starts a real server on a port the kernel picks (PORT=0, read back from Fastify's "Server listening at" line, so
 * two servers never race for a port) and resolves once it listens. Always `stop()` it in afterAll. `spawnChild`
 * starts it another way (the setup guide's `python main.py`) with the same environment.
 */
export async function startServer (env: Record<string, string>, spawnChild: (env: Record<string, string>) => ChildProcess = spawnRoms): Promise<ServerProcess> {
  const child = spawnChild(env)
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const found = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (found?.[1] !== undefined) {
        clearTimeout(timer)
        resolve(found[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited with ${String(code)} before listening:\n${output}`))
    })
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL')
    throw error
  })
  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
      try {
        return await exited
      } finally {
        clearTimeout(timer)
      }
    }
  }
}

/** Runs a server that is expected to refuse to start; resolves with its exit code and output. */
export async function runUntilExit (env: Record<string, string>): Promise<ExitedProcess> {
  const child = spawnRoms(env)
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString('utf8') })
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString('utf8') })
  const timer = setTimeout(() => child.kill('SIGKILL'), START_TIMEOUT_MS)
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)))
  clearTimeout(timer)
  return { code, output }
}

/** Stops every server given, whatever state each is in; for afterAll. */
export async function stopAll (servers: ReadonlyArray<ServerProcess | undefined>): Promise<void> {
  await Promise.all(servers.map(async (server) => await server?.stop()))
}
