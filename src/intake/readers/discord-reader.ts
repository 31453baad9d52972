import { DomainError } from '../../domain-error.ts'
import { accountEmail } from '../../orders/account-email.ts'
import type { PayloadReader, ReaderInput, Reading } from '../delivery.ts'
import { readEmbed, readMessageText, type PostData } from './discord-embed.ts'
import { outcomeOf, STATUS_NEWS, type DiscordOutcome, type StatusNews } from './discord-outcome.ts'
import { buildDiscordPatch, buildStatusPatch, extraOf, orderNumberOf, valueOf, writtenOrderNumberOf } from './discord-patch.ts'
import { arrayAt, isRecord, textAt, withoutUndefined, type JsonRecord } from './payload-shape.ts'

/**
 * Checkout bots' posts, in the body of Discord's "Execute Webhook" (`content`, `username`, `embeds`), pointed at
 * ROMS instead of Discord. Every bot lays its embed out its own way; `discord-fields.ts` holds their wording.
 */
export const discordReader: PayloadReader = {
  name: 'discord',
  matches: ({ body }) => isRecord(body) && !('order_number' in body) &&
    (Array.isArray(body.embeds) || (typeof body.content === 'string' && ('username' in body || 'avatar_url' in body || hasOnlyDiscordKeys(body)))),
  read: readDiscord
}

// Execute Webhook's parameters (discord.com/developers/docs/resources/webhook#execute-webhook). A bot that posts its
// `content` alone, without a name or avatar, sends nothing else.
const DISCORD_KEYS = new Set(['content', 'username', 'avatar_url', 'tts', 'embeds', 'allowed_mentions', 'components', 'attachments', 'flags', 'thread_name', 'applied_tags', 'poll'])

function hasOnlyDiscordKeys (body: JsonRecord): boolean {
  return Object.keys(body).every((key) => DISCORD_KEYS.has(key))
}

interface Post { data: PostData, outcome: DiscordOutcome }

function readDiscord ({ body }: ReaderInput): Reading {
  if (!isRecord(body)) throw new DomainError('UNSUPPORTED_PAYLOAD', 'a Discord webhook body must be a JSON object', { field: 'body' })
  return readDiscordBody(body)
}

/** An Execute Webhook body (or another chat's post in its shape): a checkout, a decline, a test or news of an order. */
export function readDiscordBody (body: JsonRecord): Reading {
  const message = readMessageText(body.content)
  const messageOutcome = outcomeOf(headlinesOf(message))
  const embeds: Post[] = arrayAt(body, 'embeds').filter(isRecord).map(readEmbed).map((data) => {
    const own = outcomeOf(headlinesOf(data))
    return { data, outcome: own === 'neutral' ? messageOutcome : own }
  })
  const posts = embeds.length > 0 ? embeds : [{ data: message, outcome: messageOutcome }]
  // One checkout per post: the first success (or news of an order, decline, or test) speaks for it; neutral embeds and
  // the message's own lines add what it lacks, as bots that split one checkout over two embeds do.
  const chosen = (['success', ...STATUS_NEWS, 'declined', 'test'] as const)
    .map((outcome) => posts.find((post) => post.outcome === outcome)).find((post) => post !== undefined)
  const extras = posts.filter((post) => post !== chosen && post.outcome === 'neutral').map((post) => post.data)
  const primary = chosen?.data ?? posts[0]?.data ?? message
  const data: PostData = {
    ...primary,
    entries: [primary, ...extras, ...(embeds.length > 0 ? [message] : [])].flatMap((post) => post.entries)
  }
  const context = withoutUndefined({ bot: botName(body, primary), title: primary.title, embed_url: primary.url })
  return readOutcome(chosen?.outcome ?? 'neutral', data, context)
}

/**
 * What a post says in words: its headlines, then, last, its unknown `label: value` lines that read as sentences ("Checkout
 * failed: card declined" is a label line by its shape, and says the checkout failed). A one-word label or a count
 * ("Errors: 0", "Error Count: 2") is data, not what the post reports.
 */
function headlinesOf (post: PostData): string[] {
  const sentences = post.entries
    .filter((entry) => entry.key === undefined && entry.name.trim().split(/\s+/).length >= 2 && !/^\s*\d+(?:[.,]\d+)?\s*$/.test(entry.value))
    .map((entry) => `${entry.name}: ${entry.value}`)
  return [...post.headlines, ...sentences]
}

function readOutcome (outcome: DiscordOutcome, data: PostData, context: JsonRecord): Reading {
  const orderNumber = orderNumberOf(data.entries) ?? (writtenOrderNumberOf(data.entries) === undefined ? headlineOrderNumber(data.headlines) : undefined)
  if (outcome === 'test') return { kind: 'test', summary: withoutUndefined({ ...context, message: messageOf(data), ...summaryOf(data) }) }
  if (outcome === 'declined') return { kind: 'declined', summary: { ...context, ...summaryOf(data), reason: reasonOf(data) } }
  if (outcome === 'neutral' && !data.entries.some((entry) => entry.key !== undefined)) {
    // "Test" buttons of some bots post a bare message with no order data at all.
    return { kind: 'test', summary: withoutUndefined({ ...context, message: messageOf(data) }) }
  }
  if (orderNumber === undefined || orderNumber === '') {
    const found = [...new Set(data.entries.map((entry) => entry.name))].join(', ') || 'none'
    const said = outcome === 'success'
      ? 'a successful checkout'
      : isStatusNews(outcome) ? `a post saying an order was ${outcome}` : 'a post that is neither a checkout, a decline nor a test'
    const written = valueOf(data.entries, 'orderNumber')
    const why = written === undefined ? `without an order number field (found: ${found})` : `whose order number says ${JSON.stringify(written)}, not a number yet`
    throw new DomainError('ORDER_NUMBER_MISSING', `order_number is missing: ${said} ${why}`, { field: 'order_number' })
  }
  if (isStatusNews(outcome)) return { kind: 'order', patch: buildStatusPatch(data, orderNumber, outcome) }
  return { kind: 'order', patch: buildDiscordPatch(data, orderNumber, context) }
}

// "Successful Checkout - Order #W-5501", "Order 12345 has shipped": the number a headline gives when no field does. It
// must hold a digit, so "Order confirmed" gives none.
// Each run of spaces is followed by a sign that cannot be a space, so a long run is not backtracked over.
const HEADLINE_NUMBER = /\border[ \t]*(?:(?:#|no\.?|number|num|id)[ \t]*)?(?:[:#][ \t]*)?#?([A-Za-z0-9][A-Za-z0-9-]*)/i

function headlineOrderNumber (headlines: readonly string[]): string | undefined {
  for (const headline of headlines) {
    const number = HEADLINE_NUMBER.exec(headline)?.[1]
    if (number !== undefined && /\d/.test(number)) return number
  }
  return undefined
}

function isStatusNews (outcome: DiscordOutcome): outcome is StatusNews {
  return (STATUS_NEWS as readonly string[]).includes(outcome)
}

/** What a decline or a test carried, under the order's own field names, so the log shows which task failed. */
function summaryOf ({ entries }: PostData): JsonRecord {
  return withoutUndefined({
    order_number: writtenOrderNumberOf(entries),
    store: valueOf(entries, 'store'),
    product: valueOf(entries, 'product'),
    size: valueOf(entries, 'size'),
    sku: valueOf(entries, 'sku'),
    price: valueOf(entries, 'price') ?? valueOf(entries, 'total'),
    profile: valueOf(entries, 'profile'),
    proxy_list: valueOf(entries, 'proxyList'),
    email: emailOf(entries),
    // The reason and status are the summary's `reason`; every other field is kept under its own name.
    ...extraOf(entries.filter((entry) => entry.key !== 'reason' && entry.key !== 'status'))
  })
}

function emailOf (entries: PostData['entries']): string | undefined {
  const email = valueOf(entries, 'email')
  return email === undefined ? undefined : accountEmail(email)
}

function messageOf ({ headlines, title, author }: PostData): string | undefined {
  return headlines.find((headline) => headline !== title && headline !== author)
}

function reasonOf (post: PostData): string | undefined {
  const { entries } = post
  return valueOf(entries, 'reason') ?? valueOf(entries, 'status') ?? messageOf(post) ?? post.headlines[0]
}

function botName (body: JsonRecord, post: PostData): string | undefined {
  return textAt(body, 'username') ?? post.footer ?? post.author
}
