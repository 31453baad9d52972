import type { FastifyInstance, FastifyRequest } from 'fastify'

export interface RawBody {
  bytes: Buffer
  /** The body went over the limit: `bytes` holds its first part only. */
  tooLarge: boolean
}

const contentTypes = new WeakMap<object, string>()

/** The Content-Type the client sent (set aside by `useRawBodies`). */
export function sentContentType (request: FastifyRequest): string | undefined {
  return contentTypes.get(request.raw) ?? request.headers['content-type']
}

/** Bytes of an oversized body kept in its delivery record, so a user can see what was sent. */
const KEPT_OF_OVERSIZED = 64 * 1024

/**
 * Replaces every body parser of the scope with one that keeps the raw bytes: signatures are computed over exactly what
 * the sender sent, and the intake pipeline decodes the body itself (JSON, form, multipart). An oversized body is not
 * read to its end; its first part is kept for the delivery record and the request is answered 413.
 */
export function useRawBodies (scope: FastifyInstance, limit: number): void {
  // Fastify answers a Content-Type it cannot parse (`;;;`) with its own 415 before any parser runs, so that delivery
  // would leave no record. The header is set aside here and given back to the pipeline, which judges it itself.
  scope.addHook('onRequest', (request, _reply, done) => {
    const contentType = request.headers['content-type']
    if (contentType !== undefined) {
      contentTypes.set(request.raw, contentType)
      delete request.headers['content-type']
    }
    done()
  })
  scope.removeAllContentTypeParsers()
  scope.addContentTypeParser('*', (_request: FastifyRequest, payload, done) => {
    const chunks: Buffer[] = []
    let size = 0
    let kept = 0
    let finished = false
    const finish = (tooLarge: boolean): void => {
      if (finished) return
      finished = true
      payload.removeListener('data', onData)
      if (tooLarge) payload.pause()
      const bytes = Buffer.concat(chunks)
      done(null, { bytes: tooLarge ? bytes.subarray(0, KEPT_OF_OVERSIZED) : bytes, tooLarge } satisfies RawBody)
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (kept <= Math.max(limit, KEPT_OF_OVERSIZED)) {
        chunks.push(chunk)
        kept += chunk.length
      }
      // Over the limit: stop once the part kept for the record is complete.
      if (size > limit && kept >= KEPT_OF_OVERSIZED) finish(true)
    }
    payload.on('data', onData)
    payload.on('end', () => finish(size > limit))
    payload.on('error', (error) => {
      if (finished) return
      finished = true
      done(error, undefined)
    })
  })
}
