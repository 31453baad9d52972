import { pruneDeliveries } from '../../store/prune-deliveries.ts'
import { type Command, flagOption, integerOption } from '../command.ts'
import { withStore } from '../open-cli-store.ts'

export const pruneCommand: Command = {
  name: 'prune',
  summary: 'Delete delivery records older than the retention (ROMS_LOG_RETENTION_DAYS)',
  usage: 'roms prune [--days N] [--json]',
  help: `
Deletes webhook log entries older than ROMS_LOG_RETENTION_DAYS (default 30) and the delivery ids they claimed (kept
at least 7 days, for senders' retries), in small batches so a running server keeps taking deliveries. Orders and
their history are never deleted.

options:
  --days N   keep N days instead of ROMS_LOG_RETENTION_DAYS
  --json     print {"deliveries": n, "delivery_keys": n}`,
  options: { days: { type: 'string' }, json: { type: 'boolean' } },
  maxPositionals: 0,
  run: async (input, terminal) => {
    return await withStore(terminal, async (store, config) => {
      const retentionDays = integerOption(input, 'days', config.logRetentionDays)
      const report = await pruneDeliveries(store.writer, { retentionDays, now: new Date() })
      if (flagOption(input, 'json')) {
        await terminal.print(JSON.stringify({ retention_days: retentionDays, deliveries: report.deliveries, delivery_keys: report.deliveryKeys }))
      } else {
        await terminal.print(`deleted ${report.deliveries} deliveries and ${report.deliveryKeys} delivery ids older than ${retentionDays} days`)
      }
      return 0
    })
  }
}
