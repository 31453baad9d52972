import { once } from 'node:events'
import type { ServerResponse } from 'node:http'

/**
 * One stream's socket. Intake never waits on it: a write that finds more than `maxBufferedBytes` still unsent drops
 * the client, which reconnects with Last-Event-ID and catches up from the database at its own pace.
 */
export class SseClient {
  lastSentId: number
  live = false
  /** Deliveries that arrived while the client was catching up. */
  readonly held: Array<{ id: number, text: string }> = []
  private closed = false
  private readonly res: ServerResponse
  private readonly maxBufferedBytes: number

  constructor (res: ServerResponse, lastSentId: number, maxBufferedBytes: number) {
    this.res = res
    this.lastSentId = lastSentId
    this.maxBufferedBytes = maxBufferedBytes
    res.on('close', () => { this.closed = true })
  }

  get isClosed (): boolean {
    return this.closed || this.res.destroyed
  }

  /** Writes unless the client has fallen behind, in which case it is dropped; false when the client is gone. */
  send (text: string, id?: number): boolean {
    if (this.isClosed) return false
    if (this.res.writableLength > this.maxBufferedBytes) {
      this.drop()
      return false
    }
    this.res.write(text)
    if (id !== undefined && id > this.lastSentId) this.lastSentId = id
    return true
  }

  /** For catch-up only, which runs at the client's pace: waits until the socket has taken what was written. */
  async drained (): Promise<void> {
    if (this.isClosed || this.res.writableLength <= this.maxBufferedBytes / 2) return
    await Promise.race([once(this.res, 'drain'), once(this.res, 'close')])
  }

  drop (): void {
    this.closed = true
    this.res.destroy()
  }

  end (): void {
    if (this.isClosed) return
    this.closed = true
    this.res.end()
  }
}
