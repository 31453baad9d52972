import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rawOf } from '../../src/store/email-message-repository.ts'
import { openTestStore, type TestStore } from '../helpers/test-database.ts'
import { runRoms, spawnRoms, waitForOutput } from './run-roms.ts'

const EMAILS = join(import.meta.dirname, '../fixtures/emails')
const eml = (name: string): string => readFileSync(join(EMAILS, `${name}.eml`), 'latin1')

interface Line { file: string, status: string, kind: string, orderNumber: string }
const lines = (stdout: string): Line[] => stdout.trim().split('\n').map((line) => JSON.parse(line) as Line)

describe('roms email import of mbox files, stdin and files that cannot be read', () => {
  let t: TestStore
  beforeEach(async () => { t = await openTestStore('sqlite') })
  afterEach(async () => { await t.cleanup() })

  it('applies every message of an mbox file (as Google Takeout exports), not only the first', async () => {
    // Each message ends with its newline, then a blank line before the next "From " line. A body line starting with
    // "From " is written ">From " in an mbox; the stored message has it as sent.
    const shipping = eml('nike-shipping-click-tracking').replace(/\r?\n\r?\n/, '\n\nFrom our team: thanks.\n\n')
    const mbox = [
      'From 1781234567890123456@xxx Tue Nov 24 10:00:00 +0000 2026', eml('nike-confirmation'),
      'From 1781234567890123457@xxx Tue Nov 24 11:00:00 +0000 2026', shipping.replace(/^From our team/m, '>From our team'),
      'From 1781234567890123458@xxx Tue Nov 24 12:00:00 +0000 2026', eml('adidas-confirmation')
    ].join('\n')
    const file = join(t.databaseUrl, '..', 'All mail Including Spam and Trash.mbox')
    writeFileSync(file, mbox, 'latin1')
    const result = await runRoms(['email', 'import', '--json', file], { env: { DATABASE_URL: t.databaseUrl } })
    expect(result.code).toBe(0)
    expect(lines(result.stdout).map((line) => [line.file, line.status, line.kind])).toEqual([
      [`${file}#1`, 'applied', 'order-confirmation'],
      [`${file}#2`, 'applied', 'shipping'],
      [`${file}#3`, 'applied', 'order-confirmation']
    ])
    const stored = await t.store.db.kysely.selectFrom('email_messages').selectAll().orderBy('id').execute()
    const second = rawOf({ rawText: stored[1]?.raw ?? '', rawEncoding: stored[1]?.raw_encoding === 'base64' ? 'base64' : 'utf8' })
    expect(second.toString('latin1')).toBe(shipping)
  })

  it('reports a file it cannot read, imports the others and exits 1', async () => {
    const missing = join(EMAILS, 'no-such-email.eml')
    const result = await runRoms(['email', 'import', '--json', join(EMAILS, 'nike-confirmation.eml'), missing, join(EMAILS, 'nike-delivered.eml')], {
      env: { DATABASE_URL: t.databaseUrl }
    })
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe(`roms email: cannot open ${missing}: no such file or directory`)
    expect(lines(result.stdout).map((line) => line.status)).toEqual(['applied', 'applied'])
  })

  it('reports an Outlook .msg file, an empty file and a PDF as not emails, stores nothing of them and exits 1', async () => {
    const dir = join(t.databaseUrl, '..')
    const msg = join(dir, 'Your Order Has Shipped.msg')
    writeFileSync(msg, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512, 0)]))
    const empty = join(dir, 'empty.eml')
    writeFileSync(empty, '\n')
    const pdf = join(dir, 'order.pdf')
    writeFileSync(pdf, '%PDF-1.7\n')
    const result = await runRoms(['email', 'import', msg, empty, pdf, join(EMAILS, 'nike-confirmation.eml')], { env: { DATABASE_URL: t.databaseUrl } })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`roms email: ${msg} is an Outlook .msg file, not the email as it was sent`)
    expect(result.stderr).toContain(`roms email: ${empty} is empty`)
    expect(result.stderr).toContain(`roms email: ${pdf} is a PDF`)
    expect(result.stdout).toMatch(/^\S+nike-confirmation\.eml: applied/)
    expect(await t.store.db.kysely.selectFrom('email_messages').select('id').execute()).toHaveLength(1)
  })

  it('imports every file when its output is piped into a reader that stops early (| head -1)', async () => {
    const names = ['nike-confirmation', 'nike-shipping-click-tracking', 'nike-delivered', 'adidas-confirmation', 'target-confirmation', 'supreme-shipping']
    const child = spawnRoms(['email', 'import', ...names.map((name) => join(EMAILS, `${name}.eml`))], { env: { DATABASE_URL: t.databaseUrl } })
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve))
    // head -1 reads the first line and closes the pipe.
    if (child.stdout !== null) await waitForOutput(child.stdout, /\n/)
    child.stdout?.destroy()
    expect(await exited).toBe(0)
    expect(await t.store.db.kysely.selectFrom('email_messages').select('id').execute()).toHaveLength(names.length)
  })

  it('reads an email from stdin for -', async () => {
    const result = await runRoms(['email', 'import', '-'], { env: { DATABASE_URL: t.databaseUrl }, stdin: readFileSync(join(EMAILS, 'supreme-shipping.eml')) })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^-: applied \(supreme shipping\) order \S+ created\n$/)
  })
})
