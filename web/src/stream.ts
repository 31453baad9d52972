export type StreamEventType = 'delivery' | 'order.created' | 'order.updated'

export interface StreamEvent {
  type: StreamEventType
  data: unknown
}

export type StreamState = 'connecting' | 'live' | 'offline'

type Listener = (event: StreamEvent) => void
type StateListener = (state: StreamState) => void

const listeners = new Set<Listener>()
const stateListeners = new Set<StateListener>()
const TYPES: readonly StreamEventType[] = ['delivery', 'order.created', 'order.updated']
const RETRY_MS = 3000

let source: EventSource | undefined
let state: StreamState = 'offline'
let retryTimer: ReturnType<typeof setTimeout> | undefined
let lastEventId: string | undefined

/** Calls `listener` for every event until the returned function is called. */
export function subscribe (listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function onStreamState (listener: StateListener): () => void {
  stateListeners.add(listener)
  listener(state)
  return () => stateListeners.delete(listener)
}

export function connectStream (): void {
  disconnectStream()
  setState('connecting')
  const es = new EventSource(streamUrl())
  source = es
  es.addEventListener('open', () => {
    setState('live')
  })
  es.addEventListener('error', () => {
    if (es.readyState === EventSource.CLOSED) {
      // Closed for good (a 401, a restart that refused us): the browser will not retry by itself.
      setState('offline')
      retryTimer = setTimeout(connectStream, RETRY_MS)
    } else {
      // The browser reconnects on its own and resumes with Last-Event-ID.
      setState('connecting')
    }
  })
  // `ready` carries the last delivery id: kept, so that a new EventSource after a refused reconnect resumes from it
  // even when no delivery came since (it started from "now" and missed what arrived in between).
  es.addEventListener('ready', (event) => {
    const message = event as MessageEvent<string>
    if (message.lastEventId !== '') lastEventId = message.lastEventId
  })
  for (const type of TYPES) {
    es.addEventListener(type, (event) => {
      const message = event as MessageEvent<string>
      if (message.lastEventId !== '') lastEventId = message.lastEventId
      emit({ type, data: parseData(message.data) })
    })
  }
}

export function disconnectStream (): void {
  clearTimeout(retryTimer)
  source?.close()
  source = undefined
}

/**
 * EventSource sends the sign-in cookie but no headers. The browser resumes with Last-Event-ID by itself; a new
 * EventSource (after a closed stream) does not, so the last id seen goes in the query.
 */
function streamUrl (): string {
  return lastEventId === undefined ? '/api/v2/stream' : `/api/v2/stream?last_event_id=${encodeURIComponent(lastEventId)}`
}

function emit (event: StreamEvent): void {
  for (const listener of listeners) listener(event)
}

function setState (next: StreamState): void {
  state = next
  for (const listener of stateListeners) listener(next)
}

function parseData (text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
