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

export interface CpuPerDelivery {
  /** µs per delivery of the process's main thread (the one that answers requests). */
  main: number
  /** Its busiest other thread (the SQLite delivery writer thread when there is one). */
  busiest: number
  /** Every other thread together (GC, libuv's pool, the checkpointer). */
  rest: number
  total: number
}

/** CPU per delivery between two readings of threadCpu; undefined without /proc. */
export function cpuPerDelivery (pid: number, before: Map<number, number>, after: Map<number, number>, deliveries: number): CpuPerDelivery | undefined {
  if (after.size === 0 || deliveries === 0) return undefined
  const spent = [...after].map(([tid, ms]) => ({ tid, ms: ms - (before.get(tid) ?? 0) }))
  const perDelivery = (ms: number): number => ms * 1000 / deliveries
  const others = spent.filter((t) => t.tid !== pid).sort((a, b) => b.ms - a.ms)
  const main = perDelivery(spent.find((t) => t.tid === pid)?.ms ?? 0)
  const busiest = perDelivery(others[0]?.ms ?? 0)
  const rest = perDelivery(others.slice(1).reduce((sum, t) => sum + t.ms, 0))
  return { main, busiest, rest, total: main + busiest + rest }
}

/**
 * The same, as a line. Wall-clock rates swing with the machine's load; these figures move much less.
 */
export function describeCpu (pid: number, before: Map<number, number>, after: Map<number, number>, deliveries: number): string {
  const cpu = cpuPerDelivery(pid, before, after, deliveries)
  if (cpu === undefined) return 'CPU per delivery: not measured (no /proc)'
  const us = (value: number): string => `${value.toFixed(0)} µs`
  return `CPU per delivery: request thread ${us(cpu.main)}, busiest other thread ${us(cpu.busiest)}, other threads ${us(cpu.rest)}, ` +
    `total ${us(cpu.total)}`
}
