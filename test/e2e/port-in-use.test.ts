import { createServer, type Server } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runUntilExit } from '../helpers/server-process.ts'

describe('a server whose port another program holds', () => {
  let holder: Server
  let port: number
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roms-port-'))
    holder = createServer()
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve))
    port = (holder.address() as { port: number }).port
  })
  afterAll(async () => {
    await new Promise((resolve) => holder.close(resolve))
    rmSync(dir, { recursive: true, force: true })
  })

  it('exits 1 with one line saying so, instead of a stack trace and a process that stays up', async () => {
    const { code, output } = await runUntilExit({ PORT: String(port), DATABASE_URL: join(dir, 'roms.db') })
    expect(code).toBe(1)
    expect(output).toContain(`roms serve: cannot listen on 127.0.0.1:${port}: another program is using port ${port}`)
    expect(output).not.toMatch(/\n\s+at /)
  })
})
