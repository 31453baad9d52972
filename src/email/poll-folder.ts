import type { ImapFlow } from 'imapflow'
import type { MailboxAccount } from '../email-config.ts'
import { findMailboxState, saveMailboxState } from '../store/mailbox-state-repository.ts'
import type { Store } from '../store/open-store.ts'
import { type ApplyEmailDeps, applyEmail } from './apply-email.ts'

export interface FolderPoll {
  mailbox: string
  /** Messages fetched and stored this round, by what came of them. */
  counts: Record<'applied' | 'unmatched' | 'failed' | 'duplicate', number>
  lastUid: number
  /** The folder's UIDVALIDITY changed since the last round, so it was read again from its first message. */
  restarted: boolean
}

export interface FolderDeps {
  emails: ApplyEmailDeps
  store: Pick<Store, 'db' | 'writer'>
}

// Messages fetched at once: bounds memory for a first read of a large folder, and how much is read again after a crash.
const CHUNK = 20

export function mailboxKey (account: MailboxAccount, folder: string): string {
  return `${account.host}/${account.user}/${folder}`
}

/**
 * Reads the messages that arrived in one folder since the last round, in UID order, and applies each. Call it on a
 * fresh connection: the folder's numbers (UIDVALIDITY, UIDNEXT) are those its SELECT reports. Where it
 * stopped (UIDVALIDITY and the last UID) is saved after every chunk; a crash in between reads a few messages again,
 * and their Message-IDs make them duplicates that change nothing. The folder is opened read-only unless the account
 * is set to mark or move messages, so by default the mailbox is never changed.
 */
export async function pollFolder (client: ImapFlow, deps: FolderDeps, account: MailboxAccount, folder: string, signal: AbortSignal): Promise<FolderPoll> {
  const key = mailboxKey(account, folder)
  if (account.after === 'move' && account.moveTo !== null) await ensureFolder(client, account.moveTo)
  const lock = await client.getMailboxLock(folder, { readOnly: account.after === 'none' })
  try {
    if (client.mailbox === false) throw new Error(`mailbox ${folder} is not open`)
    const { uidNext, exists } = client.mailbox
    const uidValidity = String(client.mailbox.uidValidity)
    const saved = await findMailboxState(deps.store.db, key)
    const restarted = saved !== undefined && saved.uidValidity !== uidValidity
    const poll: FolderPoll = { mailbox: key, counts: { applied: 0, unmatched: 0, failed: 0, duplicate: 0 }, lastUid: restarted ? 0 : saved?.lastUid ?? 0, restarted }
    const save = async (): Promise<void> => {
      const now = deps.emails.clock().toISOString()
      await deps.store.writer.write(async (db) => { await saveMailboxState(db, key, { uidValidity, lastUid: poll.lastUid }, now) })
    }
    if (saved === undefined || restarted) await save()
    if (exists === 0 || uidNext <= poll.lastUid + 1) return poll

    // `N:*` always includes the highest UID, even below N (RFC 9051, 6.4.8), hence the filter.
    const found = await client.search({ uid: `${poll.lastUid + 1}:*` }, { uid: true })
    const uids = (found === false || found === undefined ? [] : found).filter((uid) => uid > poll.lastUid).sort((a, b) => a - b)
    for (let i = 0; i < uids.length && !signal.aborted; i += CHUNK) {
      const chunk = uids.slice(i, i + CHUNK)
      // Every message is fetched before any is applied: imapflow runs no other command while a fetch streams.
      const messages = await client.fetchAll(chunk.join(','), { uid: true, source: true }, { uid: true })
      for (const message of messages.sort((a, b) => a.uid - b.uid)) {
        if (message.source === undefined) continue
        const result = await applyEmail(deps.emails, message.source, { via: 'imap', mailbox: key, uid: message.uid })
        poll.counts[result.status]++
        await afterReading(client, account, message.uid)
      }
      poll.lastUid = chunk[chunk.length - 1] ?? poll.lastUid
      await save()
    }
    return poll
  } finally {
    lock.release()
  }
}

/**
 * The move destination is created when it does not exist, as a mail client's filter does: a user who sets
 * IMAP_MOVE_TO=Processed expects the messages there, not an error. Looked up first: not every server tells an
 * existing folder apart from a refused CREATE.
 */
async function ensureFolder (client: ImapFlow, folder: string): Promise<void> {
  const exists = (await client.list()).some((mailbox) => mailbox.path === folder)
  if (!exists) await client.mailboxCreate(folder)
}

async function afterReading (client: ImapFlow, account: MailboxAccount, uid: number): Promise<void> {
  if (account.after === 'seen') await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true })
  // imapflow answers a refused MOVE with false rather than an error; the round must not go on as if the message had
  // been moved (it would stay in the folder, and the saved UID would pass it for good). The round fails, is logged as
  // a warning, and the next one applies nothing twice (Message-IDs) and moves the message then.
  if (account.after === 'move' && account.moveTo !== null && await client.messageMove(String(uid), account.moveTo, { uid: true }) === false) {
    throw new Error(`could not move message ${uid} to ${account.moveTo}`)
  }
}
