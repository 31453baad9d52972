import { ImapFlow } from 'imapflow'
import type { EmailConfig, MailboxAccount } from '../email-config.ts'
import { describeImapError } from './describe-imap-error.ts'
import { type FolderDeps, type FolderPoll, pollFolder } from './poll-folder.ts'

export interface PollerLogger {
  info: (details: object, message: string) => void
  warn: (details: object, message: string) => void
}

export interface MailboxPollerDeps extends FolderDeps {
  email: EmailConfig
  logger: PollerLogger
  /** Told after each folder's round (tests wait on it; the log reports it). */
  onPoll?: (poll: FolderPoll) => void
  /** Tests shorten these; the defaults are EMAIL_POLL_SECONDS and 1 s doubling to 5 min. */
  timing?: { pollMs?: number, firstRetryMs?: number, maxRetryMs?: number }
}

export interface MailboxPollers {
  /** Stops every poller: a round in progress is cut off, and resumes where it stopped on the next start. */
  stop: () => Promise<void>
}

/**
 * One poller per IMAP account, reading its folders every EMAIL_POLL_SECONDS. A failed round (the server down, a
 * dropped connection, a wrong password) is tried again after a pause that doubles up to a cap, so a server that is
 * back is noticed within that cap and a bad password does not hammer it.
 * Needs no web server: the CLI starts it the same way.
 */
export function startMailboxPollers (deps: MailboxPollerDeps): MailboxPollers {
  const controller = new AbortController()
  const clients = new Set<ImapFlow>()
  const loops = deps.email.accounts.map(async (account) => { await runAccount(deps, account, controller.signal, clients) })
  return {
    stop: async () => {
      controller.abort()
      for (const client of clients) client.close()
      await Promise.all(loops)
    }
  }
}

async function runAccount (deps: MailboxPollerDeps, account: MailboxAccount, signal: AbortSignal, clients: Set<ImapFlow>): Promise<void> {
  const pollMs = deps.timing?.pollMs ?? deps.email.pollSeconds * 1000
  const firstRetryMs = deps.timing?.firstRetryMs ?? 1000
  const maxRetryMs = deps.timing?.maxRetryMs ?? 5 * 60_000
  const label = { account: `${account.prefix}HOST`, host: account.host, user: account.user }
  let failures = 0
  while (!signal.aborted) {
    try {
      await pollAccount(deps, account, signal, clients, label)
      if (failures > 0) deps.logger.info(label, 'mailbox polling recovered')
      failures = 0
      await pause(pollMs, signal)
    } catch (error) {
      if (signal.aborted) break
      failures++
      const retryInMs = Math.min(maxRetryMs, firstRetryMs * 2 ** Math.min(failures - 1, 20))
      deps.logger.warn({ ...label, err: describeImapError(error, account.password), failures, retryInMs }, 'mailbox polling failed; will retry')
      await pause(retryInMs, signal)
    }
  }
}

/**
 * One round on its own connection. A connection kept open between rounds can hold a stale view of a selected folder
 * (Dovecot keeps the old UIDVALIDITY there after the folder was deleted and created again), needs keep-alives, and
 * has to notice that it died; a login per round (once a minute by default) has none of these problems.
 */
async function pollAccount (deps: MailboxPollerDeps, account: MailboxAccount, signal: AbortSignal, clients: Set<ImapFlow>, label: object): Promise<void> {
  const client = createClient(account)
  clients.add(client)
  // imapflow emits 'error' for socket failures, and without a listener Node would end the process. The same failure
  // rejects the command in progress, which the caller logs and retries.
  client.on('error', () => undefined)
  try {
    await client.connect()
    for (const folder of account.mailboxes) {
      if (signal.aborted) return
      try {
        report(deps, label, await pollFolder(client, deps, account, folder, signal))
      } catch (error) {
        // A folder name mistyped in IMAP_MAILBOX, a label renamed or deleted, Gmail's folders in another language
        // ("[Gmail]/Alle Nachrichten"): failing the round for it kept every folder after it from ever being read.
        if (!isMissingMailbox(error)) throw error
        deps.logger.warn({ ...label, mailbox: folder, err: describeImapError(error, account.password) },
          'this mailbox folder does not exist, so it was not read; the account\'s other folders were (check IMAP_MAILBOX)')
      }
    }
    await client.logout()
  } finally {
    clients.delete(client)
    client.close()
  }
}

/** imapflow marks a SELECT the server refused because the folder does not exist (NO [NONEXISTENT]). */
function isMissingMailbox (error: unknown): boolean {
  return error instanceof Error && (error as Error & { mailboxMissing?: unknown }).mailboxMissing === true
}

function createClient (account: MailboxAccount): ImapFlow {
  return new ImapFlow({
    host: account.host,
    port: account.port,
    secure: account.tls,
    auth: { user: account.user, pass: account.password },
    // imapflow's own logger would print protocol traffic to stdout; failures are logged here, without the password.
    logger: false,
    // This poller asks on its own schedule; IDLE would only add a second way of noticing new mail.
    disableAutoIdle: true,
    connectionTimeout: 30_000,
    // A server that stops answering mid-round fails the round after this long instead of holding it forever.
    socketTimeout: 2 * 60_000
  })
}

function report (deps: MailboxPollerDeps, label: object, poll: FolderPoll): void {
  deps.onPoll?.(poll)
  const stored = Object.values(poll.counts).reduce((sum, n) => sum + n, 0)
  if (poll.restarted) deps.logger.warn({ ...label, mailbox: poll.mailbox }, 'UIDVALIDITY changed: the folder was read again from its start (Message-IDs keep emails from applying twice)')
  if (stored > 0) deps.logger.info({ ...label, mailbox: poll.mailbox, ...poll.counts, lastUid: poll.lastUid }, 'emails read')
}

/** Waits, or less if the pollers are stopped. */
async function pause (ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return
  await new Promise<void>((resolve) => {
    const done = (): void => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done)
  })
}
