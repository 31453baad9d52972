import { request, type IncomingMessage } from 'node:http'

export interface SseEvent {
  event: string
  data: string
  id?: string
}

export interface SseReader {
  status: number
  headers: IncomingMessage['headers']
  /** Resolves with the next event that matches (events before it are consumed). */
  next: (predicate?: (event: SseEvent) => boolean) => Promise<SseEvent>
  close: () => void
}

/** A Server-Sent Events client on a real socket, parsing the stream as the spec says (blank line ends an event). */
export async function openSse (url: string, headers: Record<string, string> = {}): Promise<SseReader> {
  return await new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const events: SseEvent[] = []
      const waiters: Array<() => void> = []
      let buffer = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event: SseEvent = { event: 'message', data: '' }
          let hasData = false
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue
            const [field = '', ...rest] = line.split(':')
            const value = rest.join(':').replace(/^ /, '')
            if (field === 'event') event.event = value
            if (field === 'data') { event.data += value; hasData = true }
            if (field === 'id') event.id = value
          }
          if (hasData) events.push(event)
        }
        for (const wake of waiters.splice(0)) wake()
      })
      const next = async (predicate: (event: SseEvent) => boolean = () => true): Promise<SseEvent> => {
        for (;;) {
          const found = events.findIndex(predicate)
          if (found >= 0) {
            const [event] = events.splice(0, found + 1).slice(-1)
            if (event !== undefined) return event
          }
          if (res.readableEnded || res.destroyed) throw new Error('the stream ended before the event arrived')
          await new Promise<void>((resolve) => {
            waiters.push(resolve)
            res.once('end', resolve)
            res.once('close', resolve)
          })
        }
      }
      resolve({ status: res.statusCode ?? 0, headers: res.headers, next, close: () => { req.destroy() } })
    })
    req.on('error', reject)
    req.end()
  })
}
