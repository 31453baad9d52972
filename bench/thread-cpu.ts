import { readdirSync, readFileSync } from 'node:fs'

/** CPU time (ms) of each thread of a process, by thread id, read from /proc (Linux); empty elsewhere. */
export function threadCpu (pid: number): Map<number, number> {
  const times = new Map<number, number>()
  let tids: string[]
  try {
    tids = readdirSync(`/proc/${pid}/task`)
  } catch {
    return times
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
      // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th (clock ticks, 100/s).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      times.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * 10)
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return times
}

/**
 * CPU per delivery between two readings: the process's main thread (the one that answers requests), its busiest other
 * thread (the SQLite delivery writer thread when there is one), and every other thread together (GC, libuv's pool, the
 * checkpointer). Wall-clock rates swing with the machine's load; these figures move much less.
 */
export function describeCpu (pid: number, before: Map<number, number>, after: Map<number, number>, deliveries: number): string {
  if (after.size === 0 || deliveries === 0) return 'CPU per delivery: not measured (no /proc)'
  const spent = [...after].map(([tid, ms]) => ({ tid, ms: ms - (before.get(tid) ?? 0) }))
  const main = spent.find((t) => t.tid === pid)?.ms ?? 0
  const others = spent.filter((t) => t.tid !== pid).sort((a, b) => b.ms - a.ms)
  const busiest = others[0]?.ms ?? 0
  const rest = others.slice(1).reduce((sum, t) => sum + t.ms, 0)
  const us = (ms: number): string => `${(ms * 1000 / deliveries).toFixed(0)} µs`
  return `CPU per delivery: request thread ${us(main)}, busiest other thread ${us(busiest)}, other threads ${us(rest)}, ` +
    `total ${us(main + busiest + rest)}`
}
