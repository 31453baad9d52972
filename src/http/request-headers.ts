import type { FastifyRequest } from 'fastify'

/** Node's headers as the intake pipeline takes them: one string per lower-case name. */
export function headersOf (request: FastifyRequest): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}
