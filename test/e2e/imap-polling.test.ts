import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { EmailConfig } from '../../src/email-config.ts'
import { startMailboxPollers, type MailboxPollers } from '../../src/email/mailbox-poller.ts'
import type { FolderPoll } from '../../src/email/poll-folder.ts'
import { testConfig } from '../helpers/test-app.ts'
import { openTestStore, type TestStore, testDatabases } from '../helpers/test-database.ts'
import { appendMessages, type Dovecot, hasDovecot, startDovecot, withClient } from '../helpers/dovecot.ts'
import { waitFor } from '../helpers/wait-for.ts'
import { fixture, orderState } from '../email/support/order-state.ts'

const NIKE = 'C01928374650'

if (!hasDovecot()) {
  if (process.env.CI !== undefined && process.env.CI !== '') {
    describe('IMAP polling', () => {
      it('needs Dovecot (Debian package dovecot-imapd), which .ci/run installs', () => {
        throw new Error('dovecot is not installed: /usr/sbin/dovecot is missing')
      })
    })
  } else {
    console.warn('\n*** Dovecot is not installed (apt-get install dovecot-imapd): the IMAP polling tests are SKIPPED. ***\n')
    describe.skip('IMAP polling', () => { it('needs Dovecot', () => undefined) })
  }
} else {
  for (const kind of testDatabases()) {
    describe(`IMAP polling against a real Dovecot (${kind})`, () => {
      let server: Dovecot
      let t: TestStore
      let pollers: MailboxPollers | undefined
      let polls: FolderPoll[]
      let logs: Array<{ level: string, details: object, message: string }>

      beforeAll(async () => { server = await startDovecot() })
      afterAll(async () => { await server.close() })
      beforeEach(async () => {
        t = await openTestStore(kind)
        polls = []
        logs = []
      })
      afterEach(async () => {
        await pollers?.stop()
        pollers = undefined
        await t.cleanup()
      })

      const email = (folders: string[], password = server.password): EmailConfig => {
        const config = testConfig({
          IMAP_HOST: server.host,
          IMAP_PORT: String(server.port),
          IMAP_TLS: 'false',
          IMAP_USER: server.user,
          IMAP_PASSWORD: password,
          IMAP_MAILBOX: folders.join(',')
        })
        return config.email
      }
      const start = (config: EmailConfig): MailboxPollers => {
        pollers = startMailboxPollers({
          email: config,
          emails: { writer: t.store.writer, clock: () => new Date() },
          store: t.store,
          logger: {
            info: (details, message) => { logs.push({ level: 'info', details, message }) },
            warn: (details, message) => { logs.push({ level: 'warn', details, message }) }
          },
          onPoll: (poll) => { polls.push(poll) },
          timing: { pollMs: 50, firstRetryMs: 50, maxRetryMs: 400 }
        })
        return pollers
      }
      const countRows = async (table: 'email_messages' | 'order_events'): Promise<number> =>
        (await t.store.db.kysely.selectFrom(table).select('id').execute()).length
      const roundsOf = (mailbox: string): FolderPoll[] => polls.filter((p) => p.mailbox.endsWith(`/${mailbox}`))

      it('applies the mail of several folders, resumes after a restart without reading it again, and never changes the mailbox', async () => {
        const inbox = `INBOX-${kind}`
        const orders = `Orders-${kind}`
        await appendMessages(server, inbox, [fixture('nike-confirmation'), fixture('nike-shipping-click-tracking'), fixture('generic-newsletter-unmatched')])
        await appendMessages(server, orders, [fixture('target-confirmation')])
        start(email([inbox, orders]))
        await waitFor(async () => (await orderState(t.store, NIKE))?.values.status === 'shipped' && await countRows('email_messages') === 4, 'four emails stored')
        expect((await orderState(t.store, '912003456789012'))?.values.status).toBe('pending')
        await pollers?.stop()

        const events = await countRows('order_events')
        polls = []
        start(email([inbox, orders]))
        await waitFor(() => roundsOf(inbox).length > 0 && roundsOf(orders).length > 0, 'a round of both folders after the restart')
        expect(polls.every((p) => Object.values(p.counts).every((n) => n === 0))).toBe(true)
        expect(roundsOf(inbox)[0]?.lastUid).toBe(3)

        await appendMessages(server, inbox, [fixture('nike-delivered')])
        await waitFor(async () => (await orderState(t.store, NIKE))?.values.status === 'delivered', 'the delivered email applied')
        expect(await countRows('order_events')).toBe(events + 1)
        expect(await countRows('email_messages')).toBe(5)

        const status = await withClient(server, async (client) => await client.status(inbox, { messages: true, unseen: true }))
        expect(status).toMatchObject({ messages: 4, unseen: 4 })
      })

      it('reads a folder again when its UIDVALIDITY changes, and the Message-IDs keep it from applying twice', async () => {
        const folder = `Recreated-${kind}`
        await appendMessages(server, folder, [fixture('supreme-confirmation')])
        start(email([folder]))
        await waitFor(async () => await countRows('email_messages') === 1, 'the first email stored')
        const events = await countRows('order_events')

        await withClient(server, async (client) => { await client.mailboxDelete(folder) })
        await appendMessages(server, folder, [fixture('supreme-confirmation'), fixture('supreme-shipping')])
        const restarted = await waitFor(() => roundsOf(folder).find((p) => p.restarted), 'a round that saw the new UIDVALIDITY', 10_000)
        const duplicates = (): number => polls.reduce((sum, p) => sum + p.counts.duplicate, 0)
        await waitFor(() => duplicates() > 0 && roundsOf(folder).some((p) => p.counts.applied > 0 && p.lastUid === 2), 'the recreated folder read to its end')
        expect((await orderState(t.store, '1587342'))?.values.status).toBe('shipped')
        expect(restarted).toBeDefined()
        expect(duplicates()).toBe(1)
        expect(await countRows('order_events')).toBe(events + 1)
        expect(logs.some((l) => l.level === 'warn' && /UIDVALIDITY changed/.test(l.message))).toBe(true)
      })

      it('recovers after the IMAP server is restarted', async () => {
        const folder = `Restart-${kind}`
        await appendMessages(server, folder, [fixture('gamestop-confirmation')])
        start(email([folder]))
        await waitFor(async () => (await orderState(t.store, '3210987654')) !== undefined, 'the confirmation applied')

        await server.stop()
        await waitFor(() => logs.some((l) => l.level === 'warn'), 'the poller to notice the server is gone')
        await server.start()
        await appendMessages(server, folder, [fixture('gamestop-shipping')])
        await waitFor(async () => (await orderState(t.store, '3210987654'))?.values.status === 'shipped', 'the shipping email applied after the restart')
        await waitFor(() => logs.some((l) => l.message === 'mailbox polling recovered'), 'the recovery logged')
        expect(await countRows('email_messages')).toBe(2)
      })

      it('reads the account\'s other folders when one listed folder does not exist, and names it in a warning', async () => {
        const orders = `Orders-after-typo-${kind}`
        await appendMessages(server, orders, [fixture('gamestop-confirmation')])
        start(email([`Orderz-${kind}`, orders]))
        await waitFor(async () => (await orderState(t.store, '3210987654')) !== undefined, 'the confirmation in the folder after the missing one applied')
        const warning = logs.find((l) => l.level === 'warn')
        expect(warning?.message).toContain('does not exist')
        expect(warning?.details).toMatchObject({ mailbox: `Orderz-${kind}` })
      })

      it('keeps the password out of its logs when the login is refused', async () => {
        const wrong = 'wrong-password-31d8e'
        start(email(['INBOX'], wrong))
        await waitFor(() => logs.some((l) => l.level === 'warn'), 'the refused login logged')
        const text = JSON.stringify(logs)
        expect(text).not.toContain(wrong)
        expect(logs[0]?.details).toMatchObject({ account: 'IMAP_HOST', err: expect.objectContaining({ authenticationFailed: true }) })
      })
    })
  }
}
