import { loadConfig } from '../../config.ts'
import { choiceOption, type Command, type CommandInput, flagOption, integerOption, stringOption, UsageError } from '../command.ts'
import { readInput } from '../read-input.ts'
import { SCHEME_SECRETS, SIGN_SCHEMES, type SignScheme, signPayload } from '../sign-payload.ts'
import type { Terminal } from '../terminal.ts'

export const signOptions = {
  secret: { type: 'string' },
  scheme: { type: 'string' },
  id: { type: 'string' },
  timestamp: { type: 'string' },
  json: { type: 'boolean' }
} as const

export const signCommand: Command = {
  name: 'sign',
  isReadOnly: true,
  summary: 'Print the signature header(s) a sender must send with a payload',
  usage: 'roms sign [--secret S] [--scheme roms|shopify|woocommerce|standard] <file|->',
  help: `
Signs the exact bytes of the file (or stdin for -) and prints one header a line, ready for curl -H.

options:
  --scheme S     roms (X-Webhook-Signature, the default), shopify, woocommerce, or standard (Standard Webhooks:
                 webhook-id, webhook-timestamp, webhook-signature)
  --secret S     the secret; defaults to the first of the scheme's variable: WEBHOOK_SECRET, SHOPIFY_WEBHOOK_SECRET,
                 WOOCOMMERCE_WEBHOOK_SECRET or STANDARD_WEBHOOKS_SECRET
  --id ID        standard only: the webhook-id (default: a new msg_… id)
  --timestamp T  standard only: Unix seconds (default: now; the server accepts 5 minutes either way)
  --json         print {"headers": {...}}

example:
  roms sign order.json
  curl -H "$(roms sign order.json)" -H 'Content-Type: application/json' --data-binary @order.json \\
    http://localhost:8001/api/v2/webhooks/orders`,
  options: signOptions,
  run: async (input, terminal) => {
    const headers = await signedHeaders(input, terminal)
    if (headers === undefined) throw new UsageError(`no secret: pass --secret, or set ${SCHEME_SECRETS[schemeOf(input)].variable}`)
    if (flagOption(input, 'json')) await terminal.print(JSON.stringify({ headers }))
    else for (const [name, value] of Object.entries(headers)) await terminal.print(`${name}: ${value}`)
    return 0
  }
}

export function schemeOf (input: CommandInput): SignScheme {
  return choiceOption(input, 'scheme', SIGN_SCHEMES, 'roms')
}

/** The payload's signature headers, or undefined when there is no secret to sign with. */
export async function signedHeaders (input: CommandInput, terminal: Terminal, body?: Buffer): Promise<Record<string, string> | undefined> {
  const scheme = schemeOf(input)
  if (input.positionals.length > 1) throw new UsageError('give one file (or - for stdin)')
  const secret = stringOption(input, 'secret') ?? loadConfig(terminal.env, terminal.cwd).secrets[SCHEME_SECRETS[scheme].list][0]
  const bytes = body ?? await readInput(input.positionals[0], terminal.stdin)
  if (secret === undefined) return undefined
  const timestamp = stringOption(input, 'timestamp') === undefined ? undefined : integerOption(input, 'timestamp', 0, 0)
  return signPayload(scheme, secret, bytes, { id: stringOption(input, 'id'), timestamp })
}
