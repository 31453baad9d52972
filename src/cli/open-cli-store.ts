import { type Config, loadConfig } from '../config.ts'
import { openStore, type Store } from '../store/open-store.ts'
import type { Terminal } from './terminal.ts'

/**
 * Runs `work` on the configured database, brought up to date first (as `roms serve` does, so a command on a fresh
 * database just works), and closes it however `work` ends.
 */
export async function withStore<T> (terminal: Terminal, work: (store: Store, config: Config) => Promise<T>, options: { writerConcurrency?: number } = {}): Promise<T> {
  const config = loadConfig(terminal.env, terminal.cwd)
  const store = openStore(config.databaseUrl, { ...options, onError: (error) => terminal.say(`database connection error: ${error.message}`) })
  try {
    await store.migrate()
    return await work(store, config)
  } finally {
    await store.close()
  }
}
