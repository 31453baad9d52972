import { spawn } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverEnv, startServer, type ServerProcess } from '../helpers/server-process.ts'

// The setup guide's Step 1 (`cd backend-v2 && python main.py`), its .env (`set in backend-v2/.env`) and its View
// Database step (`cd backend-v2 && sqlite3 roms_v2.db`), run as written. python3 is part of every machine this
// project's CI runs on; its absence fails this suite rather than skipping it.
const BACKEND = fileURLToPath(new URL('../../backend-v2/', import.meta.url))
const DATABASE = `${BACKEND}roms_v2.db`
const ENV_FILE = `${BACKEND}.env`
const SAVED_ENV = `${BACKEND}.env.before-test`

function removeDatabase (): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${DATABASE}${suffix}`, { force: true })
}

describe('the setup guide\'s Step 1: python main.py in backend-v2', () => {
  let server: ServerProcess | undefined
  beforeAll(async () => {
    if (existsSync(DATABASE)) throw new Error(`${DATABASE} exists: move it away before running this test`)
    if (existsSync(ENV_FILE)) renameSync(ENV_FILE, SAVED_ENV)
    writeFileSync(ENV_FILE, 'WEBHOOK_SECRET=guide-step-1-secret\n')
    server = await startServer({}, (env) => spawn('python3', ['main.py'], { cwd: BACKEND, env: serverEnv(env), stdio: ['ignore', 'pipe', 'pipe'] }))
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
    removeDatabase()
    rmSync(ENV_FILE, { force: true })
    if (existsSync(SAVED_ENV)) renameSync(SAVED_ENV, ENV_FILE)
  })

  it('serves ROMS with backend-v2/.env and stores orders in backend-v2/roms_v2.db', async () => {
    const url = server?.url ?? ''
    const test = await (await fetch(`${url}/api/v2/webhooks/test`)).json() as Record<string, unknown>
    expect(test).toMatchObject({ status: 'ok', message: 'Webhook endpoint is operational', signature_required: true })

    const body = '{"order_number":"GUIDE-STEP-1","product":"Nike Shoes","price":99.99}'
    const signature = createHmac('sha256', 'guide-step-1-secret').update(body).digest('hex')
    const res = await fetch(`${url}/api/v2/webhooks/orders`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-webhook-signature': signature } })
    expect(await res.json()).toMatchObject({ success: true, order_number: 'GUIDE-STEP-1' })

    const db = new Database(DATABASE, { readonly: true })
    try {
      expect(db.prepare('select product from orders where order_number = ?').get('GUIDE-STEP-1')).toEqual({ product: 'Nike Shoes' })
    } finally {
      db.close()
    }
  })
})
