import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'

export interface RunningServer {
  url: string
  pid: number
  /** Peak resident memory (VmHWM) in MiB, read from /proc while the process lives. */
  peakMemoryMiB: () => number
  /** Resident memory now (VmRSS) in MiB. */
  memoryMiB: () => number
  stop: () => Promise<void>
}

export async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')))
    })
  })
}

/** Starts a server process and waits until it answers GET `readyPath` (or prints `ready`). */
export async function startServer (args: string[], env: Record<string, string>, readyPath = '/health'): Promise<RunningServer> {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  child.stdout?.resume()
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      const res = await fetch(`${url}${readyPath}`)
      if (res.status < 500) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start within 60 s')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const pid = child.pid ?? 0
  return {
    url,
    pid,
    peakMemoryMiB: () => statusMiB(pid, 'VmHWM'),
    memoryMiB: () => statusMiB(pid, 'VmRSS'),
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
  }
}

function statusMiB (pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024
}
