import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SEARCH_TEXT } from '../../src/store/dialects/postgres-order-search.ts'
import { listOrders } from '../../src/store/order-query-repository.ts'
import { findSearchMatches } from '../../src/store/order-search.ts'
import { openStore, type Store } from '../../src/store/open-store.ts'
import { seedOrders } from '../helpers/seed-orders.ts'
import { testDatabases } from '../helpers/test-database.ts'

const AT = new Date('2026-11-01T10:00:00.000Z')
const PAGE = { sort: 'created_at', descending: true, limit: 500 } as const

// PostgreSQL's lower() follows the database's LC_CTYPE: under plain C (common where a database was created with
// `initdb --locale=C` for speed) it folds ASCII letters only, so `ZOË` did not find "Zoë" there.
describe.runIf(testDatabases().includes('postgres'))('orders search on a PostgreSQL database whose LC_CTYPE is C', () => {
  const base = process.env.TEST_DATABASE_URL ?? ''
  const name = `roms_c_${randomBytes(5).toString('hex')}`
  let store: Store

  const admin = async (text: string): Promise<void> => {
    const client = new pg.Client({ connectionString: base })
    await client.connect()
    try {
      await client.query(text)
    } finally {
      await client.end()
    }
  }

  beforeAll(async () => {
    await admin(`create database ${name} template template0 encoding 'UTF8' lc_ctype 'C' lc_collate 'C'`)
    const url = new URL(base)
    url.pathname = `/${name}`
    store = openStore(url.toString())
    await store.migrate()
    await seedOrders(store, [
      { orderNumber: 'C-1', at: AT, fields: { product: 'Back "quoted" Tee', customerName: 'Zoë Brontë' } },
      { orderNumber: 'C-2', at: AT, fields: { product: 'Café Crème', email: 'élodie@example.fr' } },
      { orderNumber: 'C-3', at: AT, fields: { product: 'Ünïcödé Tee', customerName: 'ΣΩΚΡΆΤΗΣ Жуков' } }
    ])
  })
  afterAll(async () => {
    await store?.close()
    await admin(`drop database if exists ${name}`)
  })

  const found = async (term: string): Promise<string[]> =>
    (await listOrders(store.db, { search: term }, PAGE)).map((order) => order.orderNumber).sort()

  it('runs on a database that really lowers ASCII letters only', async () => {
    const { rows } = await sql<{ lowered: string }>`select lower('ZOË') as lowered`.execute(store.db.kysely)
    expect(rows[0]?.lowered).toBe('zoË')
  })

  it('ignores the case of letters beyond ASCII, through the trigram index and without it', async () => {
    expect(await found('ZOË')).toEqual(['C-1'])
    expect(await found('zoë brontë')).toEqual(['C-1'])
    expect(await found('CAFÉ CRÈME')).toEqual(['C-2'])
    expect(await found('ÉLODIE@')).toEqual(['C-2'])
    expect(await found('ünïcödé')).toEqual(['C-3'])
    expect(await found('σωκράτης жуков')).toEqual(['C-3'])
    expect(await found('É')).toEqual(['C-2', 'C-3'])
    expect(await found('Ë')).toEqual(['C-1'])
    expect(await findSearchMatches(store.db, 'ZOË')).toEqual([1])
    expect(await found('dunk')).toEqual([])
  })

  it('still answers a rare term from the trigram index, not a scan of every order', async () => {
    const { rows } = await sql`select 1 from pg_extension where extname = 'pg_trgm'`.execute(store.db.kysely)
    if (rows.length === 0) return
    const plan = await store.db.kysely.connection().execute(async (db) => {
      await sql`set enable_seqscan = off`.execute(db)
      const explained = await sql<{ 'QUERY PLAN': string }>`explain select id from orders where ${SEARCH_TEXT} like search_lower('%ZOË%')`.execute(db)
      await sql`reset enable_seqscan`.execute(db)
      return explained.rows.map((row) => row['QUERY PLAN']).join('\n')
    })
    expect(plan).toContain('orders_search_trgm_idx')
  })
})
