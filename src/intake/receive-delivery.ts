import type { SecretLists } from '../config.ts'
import { DomainError, isDomainError } from '../domain-error.ts'
import type { ApplyAction } from '../orders/apply-patch.ts'
import { normalizePatch, orderNumberIfValid } from '../orders/normalize-patch.ts'
import { isDatabaseUnavailable } from '../store/database-errors.ts'
import type { DeliveryOutcome, NewDeliveryLog } from '../store/delivery-log-repository.ts'
import type { Writer } from '../store/writer.ts'
import { authenticate, schemeOf } from './authenticate.ts'
import { decodeContent, isIdentityEncoding } from './decode-content.ts'
import { deliveryKeyOf } from './delivery-key.ts'
import type { IncomingDelivery, Reading, SourceName } from './delivery.ts'
import { statusForCode } from './error-status.ts'
import { bodyKindOf, bodyText, readBody } from './read-body.ts'
import { batchSize, receiveBatch, type BatchItemResult } from './receive-batch.ts'
import { redactHeaders, redactPath } from './redact.ts'
import { redactSecretText, scrubSecrets } from './redact-secrets.ts'
import { type RecordedBody, redactRecordedBody } from './redact-recorded-body.ts'
import { selectReader } from './select-reader.ts'
import { type DeliveryJob, type DeliveryStorage, writerStorage } from './store-delivery.ts'

export interface IntakeDeps {
  writer: Writer
  secrets: SecretLists
  bodyLimit: number
  clock: () => Date
  /** Told after a delivery's transaction committed (the live stream listens). */
  onRecorded?: (result: DeliveryResult) => void
  /** Where deliveries and their records are stored when not through `writer` (the SQLite delivery writer thread). */
  storage?: DeliveryStorage
}

export interface DeliveryResult {
  statusCode: number
  outcome: DeliveryOutcome
  source: SourceName
  logId: number | null
  orderId?: number | undefined
  orderNumber?: string | undefined
  action?: ApplyAction | 'duplicate' | undefined
  error?: { code: string, message: string, field?: string | undefined } | undefined
  /** What a test, ping or decline carried. */
  summary?: Record<string, unknown> | undefined
  /** For the caller's log only: never shown to the sender. */
  internalError?: unknown
  /** A list of orders posted in one request: what became of each, in the list's order. */
  batch?: BatchItemResult[] | undefined
}

const SCHEME_SOURCES: Record<ReturnType<typeof schemeOf>, SourceName> = {
  roms: 'generic', shopify: 'shopify', woocommerce: 'woocommerce', 'standard-webhooks': 'standard-webhooks'
}

// WooCommerce pings with `webhook_id=N` when a webhook is saved and shows an error unless the answer is exactly 200.
const WOO_PING = /^webhook_id=\d+$/

export interface ReceiveOptions {
  /** The delivery record this one replays. A replay re-applies its order, so the sender's delivery id is not claimed again. */
  replayOf?: number
  /**
   * Skips the signature check: for replays, an admin action behind the access rule, whose stored headers are redacted
   * and can no longer verify.
   */
  trusted?: boolean
  /** This delivery is one order of a list posted in one request (`id` names the request); kept in `details.batch`. */
  batch?: { id: string, index: number, count: number }
}

/**
 * The one pipeline: raw delivery -> signature check -> reader -> normalised patch -> applyPatch, with the delivery
 * record in the same transaction. Every delivery, accepted or not, leaves one record; answers are given only after
 * that record (and the order) are committed.
 */
export async function receiveDelivery (deps: IntakeDeps, incoming: IncomingDelivery, options: ReceiveOptions = {}): Promise<DeliveryResult> {
  const { headers } = incoming
  const scheme = schemeOf(headers)
  let source: SourceName = SCHEME_SOURCES[scheme]
  let record: Omit<NewDeliveryLog, 'source' | 'statusCode' | 'outcome'> = {
    receivedAt: incoming.receivedAt,
    method: incoming.method,
    path: redactPath(incoming.path, incoming.urlToken),
    contentType: headers['content-type'] ?? null,
    headers: redactHeaders(headers),
    rawBody: incoming.rawBody,
    clientIp: incoming.clientIp ?? null,
    replayOf: options.replayOf ?? null,
    ...(options.batch === undefined ? {} : { details: { batch: options.batch } })
  }
  const successStatus = (): number => source === 'discord' && incoming.query.wait !== 'true' ? 204 : 200
  const finish = async (result: DeliveryResult): Promise<DeliveryResult> => {
    deps.onRecorded?.(result)
    return result
  }

  // Known once the body is read: a delivery refused after that is recorded under its order number.
  let orderNumber: string | undefined
  try {
    if (incoming.tooLarge === true) throw new DomainError('BODY_TOO_LARGE', `the body is larger than the limit of ${deps.bodyLimit} bytes`)
    if (scheme === 'roms' && isWooPing(incoming.rawBody)) {
      source = 'woocommerce'
      const summary = { webhook_id: incoming.rawBody.toString('latin1').trim().slice('webhook_id='.length) }
      return await finish(await recordOnly(deps, { ...record, source, statusCode: 200, outcome: 'ping', details: summary }, { summary }))
    }
    const decoded = options.trusted === true
      ? decodeContent(incoming.rawBody, headers['content-encoding'], deps.bodyLimit)
      : authenticatedBody(deps, incoming)
    // A secret ("Account: john@example.com:hunter2", a "Password" field) is gone before any reader, summary or record sees it.
    const scrubbed = scrubSecrets(await readBody(headers['content-type'], decoded))
    const body = scrubbed.value
    if (scrubbed.found) record = { ...record, ...(await redactRecordedBody(recordedBody(record), { body, values: scrubbed.values }, deps.bodyLimit)) }
    const reader = selectReader({ headers, body })
    source = reader.name
    if (reader.name === 'generic' && options.batch === undefined && bodyKindOf(headers['content-type']) !== 'multipart' && batchSize(body) !== undefined) {
      const receiveOne = async (order: IncomingDelivery, orderOptions: ReceiveOptions): Promise<DeliveryResult> => await receiveDelivery(deps, order, orderOptions)
      return await receiveBatch(receiveOne, incoming, bodyText(headers['content-type'], decoded), options)
    }
    const reading: Reading = reader.read({ headers, body })
    if (reading.kind !== 'order') {
      const details = { ...record.details, ...reading.summary }
      return await finish(await recordOnly(deps, { ...record, source, statusCode: successStatus(), outcome: reading.kind, details }, { summary: reading.summary }))
    }
    orderNumber = orderNumberIfValid(reading.patch.orderNumber)
    const patch = normalizePatch(reading.patch)
    const deliveryKey = options.replayOf === undefined ? deliveryKeyOf(headers, scheme, incoming.rawBody) : undefined
    const now = deps.clock()
    const statusCode = successStatus()
    const job: DeliveryJob = {
      log: { ...record, source, statusCode, orderNumber: patch.orderNumber, deliveryKey: deliveryKey ?? null },
      patch,
      deliveryKey,
      now
    }
    const result = await (deps.storage ?? writerStorage(deps.writer)).store(job)
    return await finish(result)
  } catch (error) {
    return await finish(await recordFailure(deps, { ...record, orderNumber: orderNumber ?? null }, source, error))
  }
}

/**
 * Verifies the delivery and undoes its Content-Encoding. Senders that compress sign either the bytes they send or the
 * payload before compressing it (the HMAC is over "the body" to both); either proves the secret, so either is accepted.
 */
function authenticatedBody (deps: IntakeDeps, incoming: IncomingDelivery): Buffer {
  const { headers, rawBody, urlToken } = incoming
  const encoding = headers['content-encoding']
  try {
    authenticate({ headers, rawBody, urlToken, now: deps.clock() }, deps.secrets)
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'SIGNATURE_INVALID' || isIdentityEncoding(encoding)) throw error
    let decoded: Buffer
    try {
      decoded = decodeContent(rawBody, encoding, deps.bodyLimit)
      authenticate({ headers, rawBody: decoded, urlToken, now: deps.clock() }, deps.secrets)
    } catch {
      // Neither form verifies (or the body does not decompress): the sender is told about its signature.
      throw error
    }
    return decoded
  }
  return decodeContent(rawBody, encoding, deps.bodyLimit)
}

/** Looked at only when the body is short and could be one: most bodies are JSON, not worth a string of their own. */
function isWooPing (body: Buffer): boolean {
  return body.length <= WOO_PING_MAX_LENGTH && body.includes('webhook_id=') && WOO_PING.test(body.toString('latin1').trim())
}

const WOO_PING_MAX_LENGTH = 64

async function recordOnly (deps: IntakeDeps, log: NewDeliveryLog, extra: Partial<DeliveryResult>): Promise<DeliveryResult> {
  const logId = await (deps.storage ?? writerStorage(deps.writer)).record(log)
  return { statusCode: log.statusCode, outcome: log.outcome, source: log.source as SourceName, logId, ...extra }
}

async function recordFailure (deps: IntakeDeps, unread: Omit<NewDeliveryLog, 'source' | 'statusCode' | 'outcome'>, source: SourceName, error: unknown): Promise<DeliveryResult> {
  const failure = describeFailure(error)
  // Refused before its body was read (a wrong signature, JSON that does not parse): its secrets are redacted from the
  // text, and from an error that quotes it.
  const record = { ...unread, ...(await redactRecordedBody(recordedBody(unread), undefined, deps.bodyLimit)) }
  failure.error.message = redactSecretText(failure.error.message)
  const outcome: DeliveryOutcome = failure.statusCode === 401 ? 'unauthorized' : failure.statusCode < 500 ? 'rejected' : 'failed'
  const base = {
    statusCode: failure.statusCode, outcome, source, orderNumber: record.orderNumber ?? undefined, error: failure.error, internalError: failure.statusCode >= 500 ? error : undefined
  }
  try {
    const logId = await (deps.storage ?? writerStorage(deps.writer)).record({
      ...record, source, statusCode: failure.statusCode, outcome, errorCode: failure.error.code, error: failure.error.message
    })
    return { ...base, logId }
  } catch (logError) {
    // Nothing could be recorded: the sender must retry, so the answer is a 503 whatever the delivery's own fault.
    return {
      ...base,
      statusCode: 503,
      outcome: 'failed',
      logId: null,
      error: { code: 'DATABASE_UNAVAILABLE', message: 'the database is unavailable; retry later' },
      internalError: logError
    }
  }
}

function recordedBody (record: Omit<NewDeliveryLog, 'source' | 'statusCode' | 'outcome'>): RecordedBody {
  return { rawBody: record.rawBody, headers: record.headers, contentType: record.contentType }
}

function describeFailure (error: unknown): { statusCode: number, error: { code: string, message: string, field?: string | undefined } } {
  if (isDomainError(error)) return { statusCode: statusForCode(error.code), error: { code: error.code, message: error.message, field: error.field } }
  if (isDatabaseUnavailable(error)) {
    return { statusCode: 503, error: { code: 'DATABASE_UNAVAILABLE', message: 'the database is unavailable; retry later' } }
  }
  return { statusCode: 500, error: { code: 'INTERNAL_ERROR', message: 'the delivery could not be processed; it is recorded and can be replayed' } }
}
