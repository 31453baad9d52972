import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMetrics } from '../../src/intake/metrics.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testDatabases } from '../helpers/test-database.ts'
import { postDelivery } from '../helpers/post-order.ts'

const SAMPLE = /^[a-z_]+(?:\{(?:[a-z_]+="(?:[^"\\]|\\.)*",?)+\})? -?[0-9.e+-]+$/

for (const kind of testDatabases()) {
  describe(`GET /metrics (${kind})`, () => {
    let t: TestApp
    beforeAll(async () => { t = await buildTestApp(kind, { ROMS_API_TOKEN: 'metrics-token-0123456789' }) })
    afterAll(async () => { await t.close() })

    it('counts deliveries by source, outcome and status, and times them', async () => {
      await postDelivery(t.app, '{"order_number":"M-1"}')
      await postDelivery(t.app, '{"order_number":"M-2"}')
      await postDelivery(t.app, '{"order_number":"M-1","status":"shipped"}')
      await postDelivery(t.app, 'not json')
      const res = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer metrics-token-0123456789' } })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
      const text = res.body
      expect(text).toContain('roms_deliveries_total{source="generic",outcome="created",status="200"} 2')
      expect(text).toContain('roms_deliveries_total{source="generic",outcome="updated",status="200"} 1')
      expect(text).toContain('roms_deliveries_total{source="generic",outcome="rejected",status="400"} 1')
      expect(text).toContain('roms_delivery_duration_seconds_count 4')
      expect(text).toContain('roms_delivery_duration_seconds_bucket{le="+Inf"} 4')
      expect(text).toMatch(/^roms_writer_queue_depth 0$/m)
      expect(text).toMatch(/^roms_database_errors_total 0$/m)
      for (const line of text.split('\n').filter((l) => l !== '' && !l.startsWith('#'))) expect(line).toMatch(SAMPLE)
    })

    it('is behind the access rule', async () => {
      expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(401)
      expect((await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401)
    })
  })
}

describe('the metrics registry', () => {
  it('renders batch sizes and database errors as Prometheus text', () => {
    const metrics = createMetrics()
    for (const size of [1, 3, 300]) metrics.observeBatch(size)
    metrics.recordDatabaseError()
    metrics.recordDelivery({ statusCode: 503, outcome: 'failed', source: 'shopify', logId: null, error: { code: 'DATABASE_UNAVAILABLE', message: '' } })
    const text = metrics.render({ queueDepth: 7 })
    expect(text).toContain('roms_writer_batch_size_bucket{le="1"} 1')
    expect(text).toContain('roms_writer_batch_size_bucket{le="4"} 2')
    expect(text).toContain('roms_writer_batch_size_bucket{le="+Inf"} 3')
    expect(text).toContain('roms_writer_batch_size_sum 304')
    expect(text).toContain('roms_writer_queue_depth 7')
    expect(text).toContain('roms_database_errors_total 2')
    expect(text).toContain('# TYPE roms_delivery_duration_seconds histogram')
  })
})
