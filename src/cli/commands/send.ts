import { DomainError } from '../../domain-error.ts'
import { loadConfig } from '../../config.ts'
import { type Command, flagOption, integerOption, stringOption, UsageError } from '../command.ts'
import { readInput } from '../read-input.ts'
import { signedHeaders, signOptions } from './sign.ts'

// A server that takes the connection and never answers (a stopped process, a proxy) held the command for good.
const DEFAULT_TIMEOUT_SECONDS = 30

export const sendCommand: Command = {
  name: 'send',
  summary: 'Sign a payload and POST it to a ROMS webhook URL, printing the answer',
  usage: 'roms send [--url U] [--scheme roms|shopify|woocommerce|standard] [--secret S] [-H "Name: value"] <file|->',
  help: `
Sends the exact bytes of the file (or stdin for -) as a sender would, signed like roms sign does, and prints the
status line and the body of the answer. Without a secret (no --secret and none configured) it is sent unsigned.
Exits 0 on a 2xx answer, 1 otherwise.

options:
  --url U            where to send (default http://127.0.0.1:$PORT/api/v2/webhooks/orders)
  --scheme, --secret, --id, --timestamp   as for roms sign
  -H, --header H     an extra header, such as "X-Shopify-Topic: orders/paid" (repeatable)
  --content-type T   default application/json
  --timeout S        seconds to wait for the whole answer (default ${DEFAULT_TIMEOUT_SECONDS})
  --json             print {"status": 200, "body": ...}`,
  options: {
    ...signOptions,
    url: { type: 'string' },
    header: { type: 'string', short: 'H', multiple: true },
    'content-type': { type: 'string' },
    timeout: { type: 'string' }
  },
  maxPositionals: 1,
  run: async (input, terminal) => {
    const body = await readInput(input.positionals[0], terminal.stdin)
    const signature = await signedHeaders(input, terminal, body)
    if (signature === undefined) terminal.say(terminal.paint.yellow('no secret configured for this scheme: sending unsigned'))
    const url = stringOption(input, 'url') ?? `http://127.0.0.1:${loadConfig(terminal.env, terminal.cwd).port}/api/v2/webhooks/orders`
    const headers: Record<string, string> = { 'content-type': stringOption(input, 'content-type') ?? 'application/json', ...signature }
    for (const line of (input.values.header ?? []) as string[]) {
      const at = line.indexOf(':')
      if (at <= 0) throw new UsageError(`--header must look like "Name: value", got "${line}"`)
      headers[line.slice(0, at).trim()] = line.slice(at + 1).trim()
    }
    const seconds = integerOption(input, 'timeout', DEFAULT_TIMEOUT_SECONDS)
    const signal = AbortSignal.timeout(seconds * 1000)
    const failed = (error: unknown): never => {
      if (signal.aborted) throw new DomainError('SEND_FAILED', `no answer from ${url} within ${seconds} s (--timeout to wait longer)`, { cause: error })
      const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error)
      throw new DomainError('SEND_FAILED', `could not reach ${url}: ${reason}`, { cause: error })
    }
    const response = await fetch(url, { method: 'POST', headers, body: new Uint8Array(body), signal }).catch(failed)
    const text = await response.text().catch(failed)
    if (flagOption(input, 'json')) {
      await terminal.print(JSON.stringify({ status: response.status, body: parseJson(text) }))
    } else {
      const status = `HTTP ${response.status} ${response.statusText}`
      await terminal.print(response.ok ? terminal.paint.green(status) : terminal.paint.red(status))
      if (text !== '') await terminal.print(text)
    }
    return response.ok ? 0 : 1
  }
}

function parseJson (text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
