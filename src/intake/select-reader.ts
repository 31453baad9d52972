import type { PayloadReader, ReaderInput } from './delivery.ts'
import { discordReader } from './readers/discord-reader.ts'
import { genericReader } from './readers/generic-reader.ts'
import { shopifyReader } from './readers/shopify-reader.ts'
import { slackReader } from './readers/slack-reader.ts'
import { standardWebhooksReader } from './readers/standard-webhooks-reader.ts'
import { woocommerceReader } from './readers/woocommerce-reader.ts'

/** Most specific first: platform headers, then Standard Webhooks headers, then a Discord or Slack body, then the guide's mapping. */
export const READERS: readonly PayloadReader[] = [
  shopifyReader,
  woocommerceReader,
  standardWebhooksReader,
  discordReader,
  slackReader,
  genericReader
]

export function selectReader (input: ReaderInput): PayloadReader {
  return READERS.find((reader) => reader.matches(input)) ?? genericReader
}
