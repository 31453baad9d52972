export type AfterReading = 'none' | 'seen' | 'move'

/** One IMAP login: `IMAP_*` is the first, `IMAP_2_*` to `IMAP_9_*` more. */
export interface MailboxAccount {
  /** The settings' prefix (`IMAP_`, `IMAP_2_`), to name the account in logs without its secrets. */
  prefix: string
  host: string
  port: number
  user: string
  /** Not enumerable: a logged or serialised config never shows it. */
  readonly password: string
  /** Implicit TLS (port 993); false starts in clear text and upgrades with STARTTLS when the server offers it. */
  tls: boolean
  /** Folders to read, in order. */
  mailboxes: readonly string[]
  /** What to do with a message once it is stored: nothing (the default), mark it seen, or move it to `moveTo`. */
  after: AfterReading
  moveTo: string | null
}

export interface EmailConfig {
  accounts: readonly MailboxAccount[]
  pollSeconds: number
}

const MAX_ACCOUNTS = 9
const AFTER_VALUES: readonly AfterReading[] = ['none', 'seen', 'move']

/**
 * The mailbox settings, read by config.ts through its `get`. Problems are added to its list, so every mistake is
 * reported at once; a problem never quotes a password.
 */
export function readEmailConfig (get: (name: string) => string | undefined, problems: string[]): EmailConfig {
  const accounts: MailboxAccount[] = []
  for (let n = 1; n <= MAX_ACCOUNTS; n++) {
    const prefix = n === 1 ? 'IMAP_' : `IMAP_${n}_`
    const host = get(`${prefix}HOST`)
    if (host === undefined) continue
    accounts.push(readAccount(prefix, host, get, problems))
  }
  const poll = get('EMAIL_POLL_SECONDS') ?? '60'
  const pollSeconds = Number(poll)
  if (!Number.isInteger(pollSeconds) || pollSeconds < 5 || pollSeconds > 86_400) {
    problems.push(`EMAIL_POLL_SECONDS must be a whole number from 5 to 86400, got "${poll}"`)
  }
  return Object.freeze({ accounts: Object.freeze(accounts), pollSeconds: Number.isInteger(pollSeconds) ? pollSeconds : 60 })
}

function readAccount (prefix: string, host: string, get: (name: string) => string | undefined, problems: string[]): MailboxAccount {
  const user = get(`${prefix}USER`) ?? ''
  const password = get(`${prefix}PASSWORD`) ?? ''
  if (user === '') problems.push(`${prefix}USER is required when ${prefix}HOST is set`)
  if (password === '') problems.push(`${prefix}PASSWORD is required when ${prefix}HOST is set`)
  const tlsText = (get(`${prefix}TLS`) ?? 'true').toLowerCase()
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(tlsText)) problems.push(`${prefix}TLS must be true or false, got "${tlsText}"`)
  const tls = !['false', '0', 'no'].includes(tlsText)
  const portText = get(`${prefix}PORT`) ?? (tls ? '993' : '143')
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`${prefix}PORT must be a port number, got "${portText}"`)
  const mailboxes = (get(`${prefix}MAILBOX`) ?? 'INBOX').split(',').map((s) => s.trim()).filter((s) => s !== '')
  const after = (get(`${prefix}AFTER`) ?? 'none').toLowerCase() as AfterReading
  if (!AFTER_VALUES.includes(after)) problems.push(`${prefix}AFTER must be one of ${AFTER_VALUES.join(', ')}, got "${after}"`)
  const moveTo = get(`${prefix}MOVE_TO`) ?? null
  if (after === 'move' && moveTo === null) problems.push(`${prefix}MOVE_TO is required when ${prefix}AFTER=move`)
  const account = { prefix, host, port, user, tls, mailboxes: Object.freeze(mailboxes.length > 0 ? mailboxes : ['INBOX']), after, moveTo }
  Object.defineProperty(account, 'password', { value: password, enumerable: false })
  return Object.freeze(account as MailboxAccount)
}
