import { choiceOption, type Command, flagOption, UsageError } from '../command.ts'
import { exportOrders } from '../export/export-orders.ts'
import { ORDER_FILTER_HELP, orderFilterOptions, toOrderFilter } from '../export/order-filter-options.ts'
import { withStore } from '../open-cli-store.ts'

export const exportCommand: Command = {
  name: 'export',
  isReadOnly: true,
  summary: 'Write orders to stdout as CSV or JSON, filtered as the dashboard filters them',
  usage: 'roms export [--format csv|json] [--status S] [--store S] [--from D] [--to D] [--q TEXT] [--meta] > orders.csv',
  help: `
Streams every matching order, oldest first, so that roms import of the file into another database gives the same
export again. Columns: order_number, the order fields, and extra (one JSON cell in CSV).

options:
  --format F       csv (default) or json (an array of objects)
  --meta           add id, source, created_at and updated_at (roms import skips them)
  --newest-first   newest first, as the dashboard lists them
${ORDER_FILTER_HELP}`,
  options: {
    format: { type: 'string' },
    meta: { type: 'boolean' },
    'newest-first': { type: 'boolean' },
    ...orderFilterOptions
  },
  run: async (input, terminal) => {
    if (input.positionals.length > 0) throw new UsageError('export writes to stdout: redirect it, as in roms export > orders.csv')
    const format = choiceOption(input, 'format', ['csv', 'json'] as const, 'csv')
    const filter = toOrderFilter(input)
    await withStore(terminal, async (store) => {
      for await (const line of exportOrders(store.db, filter, { format, meta: flagOption(input, 'meta'), newestFirst: flagOption(input, 'newest-first') })) {
        await terminal.print(line)
      }
    })
    return 0
  }
}
