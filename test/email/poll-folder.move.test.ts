import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { MailboxAccount } from '../../src/email-config.ts'
import { pollFolder } from '../../src/email/poll-folder.ts'
import { appendMessages, type Dovecot, hasDovecot, startDovecot, withClient } from '../helpers/dovecot.ts'
import { openTestStore, type TestStore } from '../helpers/test-database.ts'
import { fixture } from './support/order-state.ts'

describe.skipIf(!hasDovecot())('IMAP_AFTER=move against a real Dovecot', () => {
  let server: Dovecot
  let t: TestStore
  beforeAll(async () => { server = await startDovecot() })
  afterAll(async () => { await server.close() })
  beforeEach(async () => { t = await openTestStore('sqlite') })
  afterEach(async () => { await t.cleanup() })

  const account = (moveTo: string): MailboxAccount => ({
    prefix: 'IMAP_',
    host: server.host,
    port: server.port,
    user: server.user,
    password: server.password,
    tls: false,
    mailboxes: ['INBOX'],
    after: 'move',
    moveTo
  })
  const count = async (folder: string): Promise<number | undefined> => await withClient(server, async (client) => {
    const status = await client.status(folder, { messages: true })
    return status === false ? undefined : status.messages
  })

  it('creates the destination folder when it does not exist and moves the messages there', async () => {
    await appendMessages(server, 'INBOX', [fixture('nike-confirmation'), fixture('nike-shipping-click-tracking')])
    const deps = { emails: { writer: t.store.writer, clock: () => new Date() }, store: t.store }
    const poll = await withClient(server, async (client) => await pollFolder(client, deps, account('Processed'), 'INBOX', new AbortController().signal))
    expect(poll.counts.applied).toBe(2)
    expect(await count('Processed')).toBe(2)
    expect(await count('INBOX')).toBe(0)
  })
})
