import { choiceOption, type Command, flagOption, integerOption, stringOption, UsageError } from '../command.ts'
import { IMPORT_FORMATS } from '../import/import-format.ts'
import { IMPORT_CONCURRENCY, importFile, type ImportSummary } from '../import/import-file.ts'
import { withStdinFile } from '../import/spool-stdin.ts'
import { withStore } from '../open-cli-store.ts'
import { createProgressLine } from '../progress-line.ts'
import type { Terminal } from '../terminal.ts'

const SHOWN_ERRORS = 50
// Measured on SQLite (docs/cli.md): larger batches gain little, and keep a server sharing the file waiting longer.
const DEFAULT_BATCH = 1000

export const importCommand: Command = {
  name: 'import',
  summary: 'Bring orders, tracking lists, cancellation lists or card statements in from CSV or JSON',
  usage: 'roms import [--format F] [--as STATUS] [--dry-run] [--day-first] [--json] <file.csv|file.json|->',
  help: `
Every row goes through the same rules as a webhook (the setup guide's column names, money such as "$1,299.00",
dates) and the same apply function, recorded with source "import". A bad row is reported with its row number and
never stops the others. CSV may use , ; or tab, may start with a BOM, and may hold Excel's ="1Z…" cells. - reads
the file from stdin.

formats (detected from the headers; --format to choose):
  orders         any columns of the webhook mapping: order_number, product, total, status, tracking_number, ...
  tracking       order number + tracking number [+ carrier]: adds the tracking numbers to existing orders
  cancellations  a single column of order numbers (with or without a header): marks existing orders cancelled
  statement      reference number + posted date [+ amount] [+ order number]: sets extra.posted_date and
                 extra.posted_amount on the order with that order number, or else that reference_number

options:
  --format F       orders, tracking, cancellations or statement
  --as STATUS      give every row this status (a status-less list: --as cancelled, --as delivered)
  --dry-run        check every row and report what would happen, without writing
  --day-first      read 03/04/2026 as 3 April (default: US order, 4 March)
  --batch N        rows per transaction (default ${DEFAULT_BATCH})
  --json           print the summary as JSON, with every rejected row

Exit code 0 when every row was imported, 1 when some were rejected, 2 for a file it cannot read as a table,
130 when stopped by Ctrl-C (the rows read until then are imported; importing the file again carries on).`,
  options: {
    format: { type: 'string' },
    as: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'day-first': { type: 'boolean' },
    batch: { type: 'string' },
    json: { type: 'boolean' }
  },
  run: async (input, terminal) => {
    const [path, ...more] = input.positionals
    if (path === undefined || more.length > 0) throw new UsageError('name one CSV or JSON file')
    const format = stringOption(input, 'format') === undefined ? undefined : choiceOption(input, 'format', IMPORT_FORMATS, 'orders')
    const batchSize = integerOption(input, 'batch', DEFAULT_BATCH)
    const run = async (file: string): Promise<ImportSummary> => await withStore(terminal, async (store) => {
      let progress: ReturnType<typeof createProgressLine> | undefined
      const stop = whenInterrupted(terminal)
      try {
        return await importFile(store, file, {
          signal: stop.signal,
          format,
          status: stringOption(input, 'as'),
          dayFirst: flagOption(input, 'day-first'),
          dryRun: flagOption(input, 'dry-run'),
          batchSize,
          onProgress: (done, size, rows) => {
            progress ??= createProgressLine(terminal, 'importing', size)
            progress.update(done, rows)
          }
        })
      } finally {
        stop.release()
        progress?.finish()
      }
    }, { writerConcurrency: IMPORT_CONCURRENCY })
    const summary = path === '-' ? await withStdinFile(terminal.stdin, async (file) => await runOnStdin(run, file)) : await run(path)
    if (flagOption(input, 'json')) await terminal.print(JSON.stringify(summary))
    else await printSummary(summary, terminal)
    if (summary.interrupted === true) {
      const rows = `${summary.rows.toLocaleString('en-US')} ${summary.rows === 1 ? 'row' : 'rows'}`
      terminal.say(terminal.paint.yellow(`interrupted: the ${rows} read were applied; importing the file again leaves them unchanged and carries on`))
      return INTERRUPTED
    }
    return summary.rejected === 0 ? 0 : 1
  }
}

/** The shell's code for a command ended by SIGINT. */
const INTERRUPTED = 130

/**
 * Ctrl-C (or SIGTERM) stops reading the file; the batches already read are committed and the summary says how far the
 * import got. Without this Node ended at once: the batches in flight were rolled back and nothing said what was in.
 * A second Ctrl-C ends at once.
 */
function whenInterrupted (terminal: Terminal): { signal: AbortSignal, release: () => void } {
  const stop = new AbortController()
  const onSignal = (): void => {
    if (stop.signal.aborted) process.exit(INTERRUPTED)
    stop.abort()
    terminal.say('interrupted: finishing the rows already read (Ctrl-C again to quit at once)')
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    signal: stop.signal,
    release: () => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}

/** The summary and messages name stdin as the user did, not the temporary copy. */
async function runOnStdin (run: (file: string) => Promise<ImportSummary>, file: string): Promise<ImportSummary> {
  try {
    return { ...await run(file), file: '-' }
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(error.message.replaceAll(file, 'stdin'), { cause: error })
    throw error
  }
}

async function printSummary (summary: ImportSummary, terminal: Terminal): Promise<void> {
  const { paint } = terminal
  const n = (value: number): string => value.toLocaleString('en-US')
  const rows = `${n(summary.rows)} ${summary.rows === 1 ? 'row' : 'rows'}`
  await terminal.print(`${paint.bold(summary.file)}: ${rows} read as ${summary.format} in ${summary.seconds} s${summary.dryRun ? paint.yellow(' (dry run: nothing written)') : ''}`)
  await terminal.print(`  created   ${paint.green(n(summary.created))}`)
  await terminal.print(`  updated   ${n(summary.updated)}`)
  await terminal.print(`  unchanged ${n(summary.unchanged)}`)
  await terminal.print(`  rejected  ${summary.rejected === 0 ? '0' : paint.red(n(summary.rejected))}`)
  for (const error of summary.errors.slice(0, SHOWN_ERRORS)) await terminal.print(`    row ${error.row}: ${error.code} ${error.message}`)
  if (summary.errors.length > SHOWN_ERRORS) await terminal.print(paint.dim(`    ... and ${n(summary.errors.length - SHOWN_ERRORS)} more (--json lists them all)`))
}
