import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findOrderByNumber } from '../../src/store/order-query-repository.ts'
import { openTestStore, type TestStore } from '../helpers/test-database.ts'
import { runRoms } from './run-roms.ts'

describe('roms import - (stdin)', () => {
  let db: TestStore
  let env: Record<string, string>
  beforeEach(async () => {
    db = await openTestStore('sqlite')
    env = { DATABASE_URL: db.databaseUrl }
  })
  afterEach(async () => { await db.cleanup() })

  it('imports a CSV piped in, naming it - in the summary', async () => {
    const { code, stdout } = await runRoms(['import', '--json', '-'], { env, stdin: '\uFEFFOrder Number;Total\r\nS-1;"1.299,50 €"\r\n' })
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ file: '-', format: 'orders', created: 1 })
    expect((await findOrderByNumber(db.store.db, 'S-1'))?.values).toMatchObject({ total: '1299.50', currency: 'EUR' })
  })

  it('imports JSON piped in', async () => {
    const { code, stdout } = await runRoms(['import', '--json', '-'], { env, stdin: '[{"order_number":"S-2","total":"5.00"}]' })
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ file: '-', created: 1 })
  })

  it('says stdin was empty, in one line naming stdin (not a temporary file)', async () => {
    const { code, stderr } = await runRoms(['import', '-'], { env, stdin: '' })
    expect(code).toBe(2)
    expect(stderr.split('\n')[0]).toBe('roms import: stdin is empty: there is no header line and no row')
  })
})
