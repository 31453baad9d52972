import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config.ts'

function folderWithDotenv (text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'roms-config-'))
  writeFileSync(join(dir, '.env'), text)
  return dir
}

describe('configuration', () => {
  it('defaults to port 8001 on all interfaces with roms_v2.db in the start folder', () => {
    const config = loadConfig({}, mkdtempSync(join(tmpdir(), 'roms-config-')))
    expect(config).toMatchObject({ port: 8001, host: '0.0.0.0', databaseUrl: './roms_v2.db', logLevel: 'info', bodyLimit: 1048576 })
    expect(config.secrets.webhook).toEqual([])
  })

  it('reads a .env file in the start folder, and the environment wins over it', () => {
    const dir = folderWithDotenv('WEBHOOK_SECRET=from-file\nPORT=9000\nDATABASE_URL=data.db\n')
    const fromFile = loadConfig({}, dir)
    expect(fromFile.secrets.webhook).toEqual(['from-file'])
    expect(fromFile.port).toBe(9000)
    expect(loadConfig({ WEBHOOK_SECRET: 'from-env' }, dir).secrets.webhook).toEqual(['from-env'])
  })

  it('splits secret lists on commas so secrets rotate', () => {
    const config = loadConfig({ SHOPIFY_WEBHOOK_SECRET: 'new, old ,', WEBHOOK_URL_TOKEN: 'a,b' }, mkdtempSync(join(tmpdir(), 'roms-config-')))
    expect(config.secrets.shopify).toEqual(['new', 'old'])
    expect(config.secrets.urlTokens).toEqual(['a', 'b'])
  })

  it('reports every invalid value at once, without echoing secrets', () => {
    let error: unknown
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', ROMS_BODY_LIMIT: '-1', STANDARD_WEBHOOKS_SECRET: 'not base64!' }, mkdtempSync(join(tmpdir(), 'roms-config-')))
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    const message = (error as Error).message
    for (const name of ['PORT', 'LOG_LEVEL', 'ROMS_BODY_LIMIT', 'STANDARD_WEBHOOKS_SECRET']) expect(message).toContain(name)
    expect(message).not.toContain('not base64!')
  })

  it('refuses a database URL it cannot open before anything starts, naming the problem and never the URL', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'roms-config-'))
    expect(() => loadConfig({ DATABASE_URL: 'mysql://roms:hunter2@db/roms' }, cwd)).toThrow('DATABASE_URL must be a postgres:// URL or the path of a SQLite file, got a mysql:// URL')
    expect(() => loadConfig({ DATABASE_URL: 'mysql://roms:hunter2@db/roms' }, cwd)).not.toThrow(/hunter2/)
    expect(() => loadConfig({ DATABASE_URL: '/nonexistent-roms-folder/roms.db' }, cwd)).toThrow('a folder that does not exist')
    for (const bad of ['postgres://u:hunter2@127.0.0.1:99999/db', 'postgres://u:hunter2@[bad/db']) {
      expect(() => loadConfig({ DATABASE_URL: bad }, cwd)).toThrow(/DATABASE_URL/)
      expect(() => loadConfig({ DATABASE_URL: bad }, cwd)).not.toThrow(/hunter2/)
    }
    for (const ok of ['roms.db', 'sqlite:roms.db', ':memory:', 'postgres://u:p@localhost/db', join(cwd, 'x.db')]) {
      expect(loadConfig({ DATABASE_URL: ok }, cwd).databaseUrl).toBe(ok)
    }
  })

  it('returns a frozen result', () => {
    const config = loadConfig({}, mkdtempSync(join(tmpdir(), 'roms-config-')))
    expect(Object.isFrozen(config)).toBe(true)
    expect(Object.isFrozen(config.secrets)).toBe(true)
  })
})
