import type { PayloadReader, Reading } from '../delivery.ts'
import { readDiscordBody } from './discord-reader.ts'
import { ORDER_NUMBER_ALIASES, toAliasKey } from './field-aliases.ts'
import { arrayAt, isRecord, recordAt, textAt, withoutUndefined, type JsonRecord } from './payload-shape.ts'

/**
 * Checkout bots that post to a Slack incoming webhook instead of Discord's (api.slack.com/messaging/webhooks): `text`,
 * legacy `attachments` (title, text, fields of title and value) and Block Kit `blocks` (header, section text and
 * fields, context). The same post in Slack's shape says the same as in Discord's, so it is turned into Discord's and
 * read by that reader: one wording table, one field table.
 */
export const slackReader: PayloadReader = {
  name: 'slack',
  matches: ({ body }) => isRecord(body) && !hasOrderNumber(body) && !('embeds' in body) &&
    (arrayAt(body, 'attachments').some(isSlackAttachment) || arrayAt(body, 'blocks').some(isRecord) || isSlackText(body)),
  read: ({ body }) => readSlack(body as JsonRecord)
}

// An incoming webhook's own parameters: a post of `text` alone (with these beside it) is a message, not an order.
const SLACK_KEYS = new Set(['text', 'username', 'icon_emoji', 'icon_url', 'channel', 'mrkdwn', 'unfurl_links', 'unfurl_media', 'thread_ts'])

// A script's order may carry `attachments` of its own (files, invoices): it is the guide's, by its order number, and
// Slack's attachments are messages, with at least one of these.
const ATTACHMENT_KEYS = ['fallback', 'pretext', 'fields', 'title', 'text', 'author_name', 'footer']

function isSlackAttachment (attachment: unknown): boolean {
  return isRecord(attachment) && ATTACHMENT_KEYS.some((key) => key in attachment)
}

function hasOrderNumber (body: JsonRecord): boolean {
  return Object.keys(body).some((key) => (ORDER_NUMBER_ALIASES as readonly string[]).includes(toAliasKey(key)))
}

function isSlackText (body: JsonRecord): boolean {
  return typeof body.text === 'string' && Object.keys(body).every((key) => SLACK_KEYS.has(key))
}

function readSlack (body: JsonRecord): Reading {
  const embeds = [...arrayAt(body, 'attachments').filter(isRecord).map(attachmentEmbed)]
  const blocks = arrayAt(body, 'blocks').filter(isRecord)
  if (blocks.length > 0) embeds.unshift(blocksEmbed(blocks))
  return readDiscordBody(withoutUndefined({
    username: textAt(body, 'username'),
    content: slackText(body.text),
    embeds
  }))
}

function attachmentEmbed (attachment: JsonRecord): JsonRecord {
  const ts = Number(attachment.ts)
  return withoutUndefined({
    title: slackText(attachment.title),
    url: textAt(attachment, 'title_link'),
    author: { name: slackText(attachment.author_name) },
    description: [slackText(attachment.pretext), slackText(attachment.text)].filter((text) => text !== undefined).join('\n'),
    fields: arrayAt(attachment, 'fields').filter(isRecord).map((field) => ({ name: slackText(field.title) ?? '', value: slackText(field.value) ?? '' })),
    footer: { text: slackText(attachment.footer) },
    timestamp: Number.isFinite(ts) && ts > 0 ? new Date(ts * 1000).toISOString() : undefined
  })
}

/** Block Kit: the header is the title; each section's text and each of its fields is lines of the description. */
function blocksEmbed (blocks: JsonRecord[]): JsonRecord {
  let title: string | undefined
  const lines: string[] = []
  for (const block of blocks) {
    const text = slackText(recordAt(block, 'text')?.text)
    if (block.type === 'header' && title === undefined) title = text
    else if (text !== undefined) lines.push(text)
    for (const part of [...arrayAt(block, 'fields'), ...arrayAt(block, 'elements')].filter(isRecord)) {
      const partText = slackText(part.text)
      if (partText !== undefined) lines.push(partText)
    }
  }
  return withoutUndefined({ title, description: lines.join('\n') })
}

/**
 * Slack's mrkdwn as Discord's markdown: `*bold*` is Slack's bold, `<url|text>` a link whose text is what was meant,
 * `<url>` a bare link; `&amp;`, `&lt;`, `&gt;` are its only escapes.
 */
function slackText (value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const text = String(value)
    .replace(/<([^|>]+)\|([^>]*)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .trim()
  return text === '' ? undefined : text
}
