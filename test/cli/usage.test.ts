import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../../src/cli/command-table.ts'
import { runRoms } from './run-roms.ts'

describe('roms usage', () => {
  it('lists every command on --help and exits 0', async () => {
    const { code, stdout } = await runRoms(['--help'])
    expect(code).toBe(0)
    for (const command of COMMANDS) expect(stdout).toContain(`  ${command.name} `)
  })

  it('names every exit code a command can give, 130 for an import stopped by Ctrl-C too', async () => {
    expect((await runRoms(['--help'])).stdout).toContain('Exit codes: 0 ok, 1 failure, 2 wrong usage or configuration, 130 an import stopped by Ctrl-C')
    expect((await runRoms(['import', '--help'])).stdout).toContain('130 when stopped by Ctrl-C')
  })

  it.each(COMMANDS.map((command) => command.name))('%s --help prints its usage on stdout and exits 0', async (name) => {
    const { code, stdout, stderr } = await runRoms([name, '--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(new RegExp(`^usage: roms ${name}`))
    expect(stderr).toBe('')
  })

  it('exits 2 with a message on stderr for an unknown command or option', async () => {
    const unknown = await runRoms(['frobnicate'])
    expect(unknown).toMatchObject({ code: 2, stdout: '' })
    expect(unknown.stderr).toContain('unknown command "frobnicate"')
    const option = await runRoms(['export', '--colour'])
    expect(option).toMatchObject({ code: 2, stdout: '' })
    expect(option.stderr).toContain("Unknown option '--colour'")
  })

  it('exits 1 naming a file it cannot read, without a stack trace', async () => {
    const { code, stderr } = await runRoms(['sign', '{"order_number":"X"}'])
    expect(code).toBe(1)
    expect(stderr).toContain('roms sign: cannot open {"order_number":"X"}: no such file or directory')
    expect(stderr).not.toMatch(/^\s+at /m)
  })

  it('exits 2 naming the variable when the configuration is invalid', async () => {
    const { code, stderr } = await runRoms(['logs'], { env: { ROMS_LOG_RETENTION_DAYS: 'forever' } })
    expect(code).toBe(2)
    expect(stderr).toContain('ROMS_LOG_RETENTION_DAYS must be a whole number')
  })

  it('runs through bin/roms.js, the npx roms entry', async () => {
    const child = spawn(process.execPath, [join(import.meta.dirname, '../../bin/roms.js'), '--help'], { env: { PATH: process.env.PATH ?? '' } })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk })
    const code = await new Promise((resolve) => child.once('close', resolve))
    expect(code).toBe(0)
    expect(stdout).toContain('usage: roms <command>')
  })
})
