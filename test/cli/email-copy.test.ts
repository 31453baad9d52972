import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestStore, testDatabases, type TestStore } from '../helpers/test-database.ts'
import { runRoms } from './run-roms.ts'

const EMAILS = join(import.meta.dirname, '../fixtures/emails')

describe.each(testDatabases())('roms email import and copy-database (%s)', (kind) => {
  let source: TestStore
  let target: TestStore
  beforeEach(async () => { [source, target] = await Promise.all([openTestStore('sqlite'), openTestStore(kind)]) })
  afterEach(async () => { await Promise.all([source.cleanup(), target.cleanup()]) })

  it('applies .eml files once each, then copies the database so that it exports the same', async () => {
    const env = { DATABASE_URL: source.databaseUrl }
    const files = ['adidas-confirmation.eml', 'adidas-shipping-dhl-link.eml', 'adidas-confirmation.eml'].map((name) => join(EMAILS, name))
    const imported = await runRoms(['email', 'import', '--json', ...files], { env })
    expect(imported.code).toBe(0)
    expect(imported.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { status: string }).status)).toEqual(['applied', 'applied', 'duplicate'])

    const copied = await runRoms(['copy-database', '--from', source.databaseUrl, '--to', target.databaseUrl, '--json'])
    expect(copied.code).toBe(0)
    expect(JSON.parse(copied.stdout)).toMatchObject({ orders: 1 })
    const before = await runRoms(['export', '--meta'], { env })
    const after = await runRoms(['export', '--meta'], { env: { DATABASE_URL: target.databaseUrl } })
    expect(after.stdout).toBe(before.stdout)
  })

  it('keeps an email imported before the copy a duplicate after it', async () => {
    const file = join(EMAILS, 'nike-partial-cancellation.eml')
    await runRoms(['email', 'import', join(EMAILS, 'nike-confirmation.eml'), file], { env: { DATABASE_URL: source.databaseUrl } })
    const copied = await runRoms(['copy-database', '--from', source.databaseUrl, '--to', target.databaseUrl, '--json'])
    expect(JSON.parse(copied.stdout)).toMatchObject({ orders: 1, email_messages: 2 })
    const again = await runRoms(['email', 'import', '--json', file], { env: { DATABASE_URL: target.databaseUrl } })
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'duplicate' })
  })
})

describe('roms copy-database from a SQLite file that does not exist', () => {
  it('refuses, naming the path, and creates nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roms-copy-'))
    try {
      const missing = join(dir, 'missing.db')
      const result = await runRoms(['copy-database', '--from', missing, '--to', join(dir, 'to.db')])
      expect(result.code).toBe(1)
      expect(result.stderr.trim()).toBe(`roms copy-database: --from ${missing}: no such file; nothing was copied or created`)
      expect(existsSync(missing)).toBe(false)
      expect(existsSync(join(dir, 'to.db'))).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
