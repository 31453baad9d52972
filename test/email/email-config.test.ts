import { describe, expect, it } from 'vitest'
import { inspect } from 'node:util'
import { ConfigError } from '../../src/config.ts'
import { testConfig } from '../helpers/test-app.ts'

const PASSWORD = 'app-password-7b1e4c'

describe('the mailbox settings', () => {
  it('poll nothing when IMAP_HOST is unset', () => {
    expect(testConfig().email).toEqual({ accounts: [], pollSeconds: 60 })
  })

  it('read the first account with its defaults, and more accounts from numbered settings', () => {
    const { email } = testConfig({
      IMAP_HOST: 'imap.gmail.com',
      IMAP_USER: 'bots@gmail.com',
      IMAP_PASSWORD: PASSWORD,
      IMAP_4_HOST: 'outlook.office365.com',
      IMAP_4_USER: 'bot2@outlook.com',
      IMAP_4_PASSWORD: 'x',
      IMAP_4_MAILBOX: 'INBOX, Orders',
      IMAP_4_AFTER: 'move',
      IMAP_4_MOVE_TO: 'Done',
      EMAIL_POLL_SECONDS: '30'
    })
    expect(email.pollSeconds).toBe(30)
    expect(email.accounts).toEqual([
      { prefix: 'IMAP_', host: 'imap.gmail.com', port: 993, user: 'bots@gmail.com', tls: true, mailboxes: ['INBOX'], after: 'none', moveTo: null },
      { prefix: 'IMAP_4_', host: 'outlook.office365.com', port: 993, user: 'bot2@outlook.com', tls: true, mailboxes: ['INBOX', 'Orders'], after: 'move', moveTo: 'Done' }
    ])
    expect(email.accounts[0]?.password).toBe(PASSWORD)
  })

  it('never show the password when the configuration is logged or printed', () => {
    const config = testConfig({ IMAP_HOST: 'imap.example', IMAP_USER: 'u', IMAP_PASSWORD: PASSWORD })
    expect(JSON.stringify(config)).not.toContain(PASSWORD)
    expect(inspect(config, { depth: 10 })).not.toContain(PASSWORD)
  })

  it('report every mistake at once, without quoting the password', () => {
    let thrown: unknown
    try {
      testConfig({ IMAP_HOST: 'imap.example', IMAP_PASSWORD: PASSWORD, IMAP_TLS: 'maybe', IMAP_AFTER: 'move', EMAIL_POLL_SECONDS: '1' })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ConfigError)
    const message = (thrown as Error).message
    for (const name of ['IMAP_USER', 'IMAP_TLS', 'IMAP_MOVE_TO', 'EMAIL_POLL_SECONDS']) expect(message).toContain(name)
    expect(message).not.toContain(PASSWORD)
  })
})
