import type { Terminal } from './terminal.ts'

export interface ProgressLine {
  update: (done: number, rows: number) => void
  finish: () => void
}

const REDRAW_MS = 100
const BAR_WIDTH = 30

/** A one-line progress bar redrawn on stderr, only on a terminal: in a log file or a pipe it would be noise. */
export function createProgressLine (terminal: Terminal, label: string, total: number): ProgressLine {
  const stream = terminal.stderr
  if (stream.isTTY !== true) return { update: () => undefined, finish: () => undefined }
  const started = Date.now()
  let drawn = 0
  let shown = false
  const draw = (done: number, rows: number): void => {
    const share = total > 0 ? Math.min(1, done / total) : 0
    const filled = Math.round(share * BAR_WIDTH)
    const seconds = Math.max(0.001, (Date.now() - started) / 1000)
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ` +
      `${rows.toLocaleString('en-US')} rows  ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s`
    stream.write(`\r${line.slice(0, (stream.columns ?? 100) - 1)}\u001b[K`)
    shown = true
  }
  return {
    update: (done, rows) => {
      const now = Date.now()
      if (now - drawn < REDRAW_MS) return
      drawn = now
      draw(done, rows)
    },
    finish: () => { if (shown) stream.write('\r\u001b[K') }
  }
}
