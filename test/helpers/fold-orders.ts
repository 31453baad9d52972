import { foldOrderChanges } from '../../src/store/dialects/sqlite-order-fold.ts'
import type { Store } from '../../src/store/open-store.ts'

/**
 * Folds every change into SQLite's search index and daily stats now, as the store's background fold would within a
 * moment (PostgreSQL's indexes have nothing to fold).
 */
export async function foldOrders (store: Store): Promise<void> {
  if (store.features.name !== 'sqlite') return
  for (let more = true; more;) more = await store.writer.write(async (db) => await foldOrderChanges(db, 100))
}
