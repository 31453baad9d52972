import type { Config } from '../../config.ts'
import type { DeliveryResult, IntakeDeps } from '../../intake/receive-delivery.ts'
import { replayDelivery } from '../../intake/replay-delivery.ts'
import type { Db } from '../../store/database.ts'
import { findDeliveryLogsByIds } from '../../store/delivery-log-query-repository.ts'
import { listDeliveryLogs } from '../../store/delivery-log-repository.ts'
import type { Store } from '../../store/open-store.ts'
import { type Command, flagOption, stringOption, UsageError } from '../command.ts'
import { withStore } from '../open-cli-store.ts'
import { parseSince } from '../since-option.ts'
import type { Terminal } from '../terminal.ts'

/**
 * Outcomes a replay can fix (a mapping or a bug fixed since). `unauthorized` is not one: a replay skips the
 * signature check, so replaying those would accept what the server refused.
 */
const FAILED_OUTCOMES = ['rejected', 'failed']
const PAGE = 500

export const replayCommand: Command = {
  name: 'replay',
  summary: 'Run stored deliveries through the pipeline again (after a fix)',
  usage: 'roms replay <delivery-id> | roms replay --failed --since <24h|ISO date> [--json]',
  help: `
Each replay is a new delivery record pointing to the old one (replay_of) and applies the order again, as
POST /api/v2/webhooks/logs/{id}/replay does. Signatures are not checked again: stored headers are redacted.

options:
  --failed       replay every rejected or failed delivery (never unauthorized ones, nor replays) since --since
  --since S      with --failed: 24h, 30m, 7d, or an ISO 8601 date (default 24h)
  --json         one JSON line per replay

Exit code 1 when a replay fails again.`,
  options: { failed: { type: 'boolean' }, since: { type: 'string' }, json: { type: 'boolean' } },
  run: async (input, terminal) => {
    const failed = flagOption(input, 'failed')
    const [id, ...more] = input.positionals
    if (failed === (id !== undefined) || more.length > 0) throw new UsageError('give one delivery id, or --failed --since …')
    if (!failed && !/^\d+$/.test(id ?? '')) throw new UsageError(`the delivery id must be a number, got "${id ?? ''}"`)
    const since = failed ? parseSince(stringOption(input, 'since') ?? '24h', new Date()) : undefined
    return await withStore(terminal, async (store, config) => {
      const ids = since === undefined ? [Number(id)] : await findFailedIds(store.db, since)
      if (ids.length === 0) terminal.say('nothing to replay')
      let code = 0
      for (const logId of ids) {
        const result = await replayDelivery(intakeDeps(store, config), store.db, logId)
        // A list of orders refused whole replays as its orders, each a delivery of its own: one line each.
        const each = result.batch?.map((item) => item.result) ?? [result]
        if (each.some((one) => one.statusCode >= 400)) code = 1
        for (const one of each) await printResult(logId, one, await recordedOrderNumber(store.db, one), flagOption(input, 'json'), terminal)
      }
      return code
    })
  }
}

function intakeDeps (store: Store, config: Config): IntakeDeps {
  return { writer: store.writer, secrets: config.secrets, bodyLimit: config.bodyLimit, clock: () => new Date() }
}

/** Originals only, oldest first: a replay that failed again is retried through its original, not stacked. */
async function findFailedIds (db: Db, since: string): Promise<number[]> {
  const ids: number[] = []
  for (const outcome of FAILED_OUTCOMES) {
    let before: number | undefined
    for (;;) {
      const page = await listDeliveryLogs(db, { limit: PAGE, before, outcome, since })
      ids.push(...page.filter((log) => log.replayOf === null).map((log) => log.id))
      const last = page[page.length - 1]
      if (page.length < PAGE || last === undefined) break
      before = last.id
    }
  }
  return ids.sort((a, b) => a - b)
}

/** A rejected delivery applies no order, yet its record names the order number it carried: report that one. */
async function recordedOrderNumber (db: Db, result: DeliveryResult): Promise<string | null> {
  if (result.orderNumber !== undefined) return result.orderNumber
  if (result.logId === null) return null
  const [record] = await findDeliveryLogsByIds(db, [result.logId])
  return record?.orderNumber ?? null
}

async function printResult (logId: number, result: DeliveryResult, orderNumber: string | null, json: boolean, terminal: Terminal): Promise<void> {
  if (json) {
    await terminal.print(JSON.stringify({
      replayed: logId, delivery_id: result.logId, status: result.statusCode, outcome: result.outcome, order_number: orderNumber, error: result.error ?? null
    }))
    return
  }
  const { paint } = terminal
  const outcome = result.statusCode >= 400 ? paint.red(result.outcome) : paint.green(result.outcome)
  const order = orderNumber === null ? '' : ` order ${orderNumber}`
  const error = result.error === undefined ? '' : `: ${result.error.code} ${result.error.message}`
  await terminal.print(`#${logId} replayed as #${result.logId ?? '?'}: ${outcome} (${result.statusCode})${order}${error}`)
}
