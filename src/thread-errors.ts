import { DomainError } from './domain-error.ts'

/** An error as it crosses a thread: a structured clone keeps neither its class nor its `code`. */
export interface PlainError {
  message: string
  name: string
  code?: string | undefined
  field?: string | undefined
  domain: boolean
}

export function toPlainError (error: unknown): PlainError {
  if (!(error instanceof Error)) return { message: String(error), name: 'Error', domain: false }
  const code = (error as { code?: unknown }).code
  return {
    message: error.message,
    name: error.name,
    code: typeof code === 'string' ? code : undefined,
    field: error instanceof DomainError ? error.field : undefined,
    domain: error instanceof DomainError
  }
}

/** The error again, with what callers test: DomainError's code and field, a database error's code. */
export function fromPlainError (plain: PlainError): Error {
  if (plain.domain) return new DomainError(plain.code ?? 'INTERNAL_ERROR', plain.message, plain.field === undefined ? {} : { field: plain.field })
  const error = new Error(plain.message) as Error & { code?: string }
  error.name = plain.name
  if (plain.code !== undefined) error.code = plain.code
  return error
}
