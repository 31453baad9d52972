import type { FastifySchemaValidationError } from 'fastify'

const PLACES: Record<string, string> = { querystring: 'query parameter', body: 'body field', params: 'URL parameter', headers: 'header' }

/**
 * A schema failure in the words of the request: the parameter at fault and what it must be ("limit must be <= 500",
 * "unknown query parameter page"), where Ajv's own text names the schema's path ("querystring/limit ...").
 */
export function describeValidation (errors: FastifySchemaValidationError[], context: string | undefined): { message: string, field?: string } {
  const place = PLACES[context ?? ''] ?? 'field'
  const first = errors[0]
  if (first === undefined) return { message: `the request does not match the ${context ?? 'request'} schema` }
  const params = first.params as { missingProperty?: string, additionalProperty?: string, allowedValues?: unknown[] }
  const path = first.instancePath.replace(/^\//, '').replaceAll('/', '.')
  if (params.additionalProperty !== undefined) {
    return { message: `unknown ${place} ${params.additionalProperty}`, field: params.additionalProperty }
  }
  if (params.missingProperty !== undefined) {
    const field = path === '' ? params.missingProperty : `${path}.${params.missingProperty}`
    return { message: `${place} ${field} is required`, field }
  }
  const what = params.allowedValues !== undefined ? `must be one of ${params.allowedValues.map(String).join(', ')}` : first.message ?? 'is not valid'
  return path === '' ? { message: `the ${context ?? 'request'} ${what}` } : { message: `${place} ${path} ${what}`, field: path }
}
