import Fastify from 'fastify'

// The line ROMS is measured against: Fastify parsing the same JSON and storing nothing.
const app = Fastify({ logger: false })
app.post('/api/v2/webhooks/orders', async (request) => {
  const body = request.body as { order_number?: unknown }
  return { success: true, message: 'Order received and processed successfully', order_id: 0, order_number: String(body.order_number), action: 'created' }
})
const port = Number(process.env.PORT ?? 0)
await app.listen({ port, host: '127.0.0.1' })
process.stdout.write('ready\n')
process.on('SIGTERM', () => {
  app.close().then(() => process.exit(0), () => process.exit(1))
})
