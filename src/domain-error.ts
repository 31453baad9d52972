/**
 * The one error type of the domain. `code` is a stable string that `http/error-codes.ts` maps to a status;
 * `field` names the input at fault when there is one.
 */
export class DomainError extends Error {
  readonly code: string
  readonly field: string | undefined

  constructor (code: string, message: string, options?: { field?: string, cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'DomainError'
    this.code = code
    this.field = options?.field
  }
}

export function isDomainError (error: unknown): error is DomainError {
  return error instanceof DomainError
}
