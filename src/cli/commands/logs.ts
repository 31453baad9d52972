import { setTimeout as sleep } from 'node:timers/promises'
import type { SourceName } from '../../intake/delivery.ts'
import type { Db } from '../../store/database.ts'
import { type DeliveryLog, type DeliveryOutcome, listDeliveryLogs } from '../../store/delivery-log-repository.ts'
import { findDeliveryLogsByIds, listDeliveryIdsAfter } from '../../store/delivery-log-query-repository.ts'
import { type Command, flagOption, integerOption, stringOption, UsageError } from '../command.ts'
import { deliveryJson, formatDelivery } from '../delivery-line.ts'
import { withStore } from '../open-cli-store.ts'
import type { Terminal } from '../terminal.ts'

// The database is the only channel a CLI process shares with the servers (which may be several, or none): poll it.
const POLL_MS = 1000
const FOLLOW_PAGE = 500
const OUTCOMES = [
  'received', 'created', 'updated', 'unchanged', 'duplicate', 'stale', 'ping', 'test', 'declined', 'rejected', 'unauthorized', 'failed'
] as const satisfies readonly DeliveryOutcome[]
const SOURCES = [
  'generic', 'shopify', 'woocommerce', 'discord', 'slack', 'standard-webhooks', 'manual', 'email', 'import'
] as const satisfies readonly SourceName[]

export const logsCommand: Command = {
  name: 'logs',
  isReadOnly: true,
  summary: 'Show the latest deliveries; --follow to watch new ones arrive',
  usage: 'roms logs [--limit N] [--outcome O] [--source S] [--follow] [--json]',
  help: `
Prints the newest deliveries from the database, oldest of them first, one a line: id, time (UTC), sender, outcome,
status, order number and error. No server needs to be running.

options:
  --limit N      how many (default 20)
  --outcome O    only this outcome: ${OUTCOMES.join(', ')}
  --source S     only this sender: ${SOURCES.join(', ')}
  --follow, -f   keep printing new deliveries (checks the database every second) until Ctrl-C
  --json         one JSON object a line`,
  options: {
    limit: { type: 'string', short: 'n' },
    outcome: { type: 'string' },
    source: { type: 'string' },
    follow: { type: 'boolean', short: 'f' },
    json: { type: 'boolean' }
  },
  maxPositionals: 0,
  run: async (input, terminal) => {
    const limit = integerOption(input, 'limit', 20)
    const outcome = oneOf(stringOption(input, 'outcome'), 'outcome', OUTCOMES)
    const source = oneOf(stringOption(input, 'source'), 'source', SOURCES)
    const json = flagOption(input, 'json')
    const show = async (log: DeliveryLog): Promise<void> => {
      if ((outcome !== undefined && log.outcome !== outcome) || (source !== undefined && log.source !== source)) return
      await terminal.print(json ? JSON.stringify(deliveryJson(log)) : formatDelivery(log, terminal.paint))
    }
    return await withStore(terminal, async (store) => {
      const latest = await listDeliveryLogs(store.db, { limit, outcome, source })
      for (const log of latest.reverse()) await show(log)
      // On stderr: `roms logs --json | jq` still reads an empty stream.
      if (latest.length === 0) terminal.say(terminal.paint.dim(outcome === undefined && source === undefined ? 'no deliveries recorded yet' : 'no delivery matches'))
      if (!flagOption(input, 'follow')) return 0
      const [newest] = await listDeliveryLogs(store.db, { limit: 1 })
      await follow(store.db, newest?.id ?? 0, show, terminal)
      return 0
    })
  }
}

/** A filter must name a value that can occur: a typo would otherwise print "no delivery matches" and exit 0. */
function oneOf (value: string | undefined, name: string, choices: readonly string[]): string | undefined {
  if (value === undefined) return undefined
  if (!choices.includes(value)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got "${value}"`)
  return value
}

/** Until SIGINT (Ctrl-C), which ends the command normally so the store is closed. */
async function follow (db: Db, afterId: number, show: (log: DeliveryLog) => Promise<void>, terminal: Terminal): Promise<void> {
  const stop = new AbortController()
  const onInterrupt = (): void => stop.abort()
  process.once('SIGINT', onInterrupt)
  process.once('SIGTERM', onInterrupt)
  terminal.say(terminal.paint.dim('following new deliveries; Ctrl-C to stop'))
  let last = afterId
  try {
    while (!stop.signal.aborted) {
      const ids = await listDeliveryIdsAfter(db, last, FOLLOW_PAGE)
      for (const log of await findDeliveryLogsByIds(db, ids)) {
        await show(log)
        last = Math.max(last, log.id)
      }
      if (ids.length < FOLLOW_PAGE) await sleep(POLL_MS, undefined, { signal: stop.signal }).catch(() => undefined)
    }
  } finally {
    process.off('SIGINT', onInterrupt)
    process.off('SIGTERM', onInterrupt)
  }
}
