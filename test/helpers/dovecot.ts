import { type ChildProcess, spawn } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ImapFlow } from 'imapflow'
import { waitFor } from './wait-for.ts'

export const DOVECOT = '/usr/sbin/dovecot'

export interface Dovecot {
  host: string
  port: number
  user: string
  password: string
  /** Stops the server (SIGTERM: the master ends every IMAP session, as a restart does). */
  stop: () => Promise<void>
  /** Starts it again on the same port and mail folder. */
  start: () => Promise<void>
  /** Stops it and removes its folder. */
  close: () => Promise<void>
}

/**
 * A throwaway Dovecot (Debian's package) on 127.0.0.1: its own config, runtime and state folders in a temp dir, so it
 * never meets a system Dovecot; clear-text login for one user from a passwd file; maildir storage.
 */
export async function startDovecot (): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'roms-dovecot-'))
  const port = await freePort()
  const user = 'bot'
  const password = 'imap-test-password-9f2c'
  // Dovecot's auth process (user dovecot) reads the passwd file, and mail sessions (user nobody) open the maildir.
  chmodSync(dir, 0o755)
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub))
  // Dovecot refuses to run mail sessions as root; nobody owns the mail.
  chownSync(join(dir, 'mail'), 65534, 65534)
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}\n`)
  writeFileSync(join(dir, 'dovecot.conf'), config(dir, port))
  let child: ChildProcess | undefined

  const start = async (): Promise<void> => {
    const started = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    started.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    child = started
    await waitFor(async () => {
      if (started.exitCode !== null) throw new Error(`dovecot exited with ${started.exitCode}: ${stderr}`)
      return await greets(port)
    }, 'Dovecot to accept IMAP connections')
  }
  const stop = async (): Promise<void> => {
    const running = child
    child = undefined
    if (running === undefined || running.exitCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGTERM')
    await exited
  }
  await start()
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    stop,
    start,
    close: async () => {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export function hasDovecot (): boolean {
  return existsSync(DOVECOT)
}

/** Delivers messages the way a mail server files them, through IMAP APPEND. */
export async function appendMessages (server: Dovecot, folder: string, messages: readonly Buffer[]): Promise<void> {
  await withClient(server, async (client) => {
    if (folder !== 'INBOX') await client.mailboxCreate(folder).catch(() => undefined)
    for (const message of messages) await client.append(folder, message)
  })
}

export async function withClient<T> (server: Dovecot, run: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({ host: server.host, port: server.port, secure: false, auth: { user: server.user, pass: server.password }, logger: false })
  client.on('error', () => undefined)
  await client.connect()
  try {
    return await run(client)
  } catch (error) {
    const e = error as Error & { responseText?: string, executedCommand?: string }
    throw new Error(`IMAP ${e.executedCommand ?? ''} failed: ${e.responseText ?? e.message}`, { cause: error })
  } finally {
    await client.logout().catch(() => { client.close() })
  }
}

function config (dir: string, port: number): string {
  return `
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = roms-test-${port}
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# A refused login answers at once, so the password test is quick.
auth_failure_delay = 0
log_path = ${dir}/dovecot.log
mail_location = maildir:${dir}/mail/%u
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=65534 gid=65534 home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`
}

async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => { resolve(typeof address === 'object' && address !== null ? address.port : 0) })
    })
  })
}

/** True once the server's greeting says it is ready (it first says it waits for its auth process). */
async function greets (port: number): Promise<boolean> {
  return await new Promise((resolve) => {
    const socket = new Socket()
    const done = (ready: boolean): void => {
      socket.destroy()
      resolve(ready)
    }
    socket.setTimeout(1000, () => done(false))
    socket.once('error', () => done(false))
    socket.once('data', (chunk: Buffer) => done(/ready\./i.test(chunk.toString())))
    socket.connect(port, '127.0.0.1')
  })
}
