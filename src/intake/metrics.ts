import type { DeliveryResult } from './receive-delivery.ts'

/** Seconds; from a sub-millisecond in-process answer up to a writer stuck behind a slow disk or database. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256]

export interface Metrics {
  /** An IntakeDeps.onRecorded listener. */
  recordDelivery: (result: DeliveryResult) => void
  observeLatency: (seconds: number) => void
  observeBatch: (size: number) => void
  recordDatabaseError: () => void
  recordRateLimited: (limit: string) => void
  /** Prometheus text exposition format 0.0.4; gauges are read when scraped. */
  render: (gauges: { queueDepth: number }) => string
}

interface Histogram { counts: number[], sum: number, count: number }

/**
 * A small registry: the handful of series ROMS exposes do not need prom-client and its dependencies. Label values
 * come from closed sets (sources, outcomes, limit names), so the series count stays bounded whatever senders send.
 */
export function createMetrics (): Metrics {
  const deliveries = new Map<string, number>()
  const rateLimited = new Map<string, number>()
  const latency = newHistogram(LATENCY_BUCKETS)
  const batches = newHistogram(BATCH_BUCKETS)
  let databaseErrors = 0
  const bump = (map: Map<string, number>, key: string): void => { map.set(key, (map.get(key) ?? 0) + 1) }

  return {
    recordDelivery: (result) => {
      bump(deliveries, `source="${escapeLabel(result.source)}",outcome="${escapeLabel(result.outcome)}",status="${result.statusCode}"`)
      if (result.error?.code === 'DATABASE_UNAVAILABLE') databaseErrors++
    },
    observeLatency: (seconds) => observe(latency, LATENCY_BUCKETS, seconds),
    observeBatch: (size) => observe(batches, BATCH_BUCKETS, size),
    recordDatabaseError: () => { databaseErrors++ },
    recordRateLimited: (limit) => bump(rateLimited, `limit="${escapeLabel(limit)}"`),
    render: (gauges) => [
      ...family('roms_deliveries_total', 'counter', 'Deliveries answered, by sender, outcome and HTTP status.', deliveries),
      ...histogramLines('roms_delivery_duration_seconds', 'Time from request to answer at the webhook endpoints.', latency, LATENCY_BUCKETS),
      ...family('roms_rate_limited_total', 'counter', 'Requests refused 429 by a per-client limit (not recorded as deliveries).', rateLimited),
      '# HELP roms_writer_queue_depth Writes waiting for a transaction.',
      '# TYPE roms_writer_queue_depth gauge',
      `roms_writer_queue_depth ${gauges.queueDepth}`,
      ...histogramLines('roms_writer_batch_size', 'Writes committed together in one transaction.', batches, BATCH_BUCKETS),
      '# HELP roms_database_errors_total Database connection errors and deliveries refused because the database was unavailable.',
      '# TYPE roms_database_errors_total counter',
      `roms_database_errors_total ${databaseErrors}`,
      ''
    ].join('\n')
  }
}

function newHistogram (buckets: number[]): Histogram {
  return { counts: buckets.map(() => 0), sum: 0, count: 0 }
}

function observe (h: Histogram, buckets: number[], value: number): void {
  for (const [i, bound] of buckets.entries()) if (value <= bound) h.counts[i] = (h.counts[i] ?? 0) + 1
  h.sum += value
  h.count++
}

function family (name: string, type: string, help: string, series: Map<string, number>): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...[...series].map(([labels, value]) => `${name}{${labels}} ${value}`)]
}

function histogramLines (name: string, help: string, h: Histogram, buckets: number[]): string[] {
  return [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} histogram`,
    ...buckets.map((bound, i) => `${name}_bucket{le="${bound}"} ${h.counts[i] ?? 0}`),
    `${name}_bucket{le="+Inf"} ${h.count}`,
    `${name}_sum ${h.sum}`,
    `${name}_count ${h.count}`
  ]
}

function escapeLabel (value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
}
