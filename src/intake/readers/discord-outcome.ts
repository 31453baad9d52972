/**
 * What a bot post reports: a checkout (`success`), a decline, a test, or news of an order placed earlier (a bot or a
 * tracking monitor posting "Order Cancelled", "Order Shipped"). `neutral` says none of them in words; its data decides.
 */
export type DiscordOutcome = 'test' | 'declined' | StatusNews | 'success' | 'neutral'

/** News of an order already placed: the order's new status, and nothing else about it. */
export type StatusNews = 'cancelled' | 'refunded' | 'delivered' | 'shipped'

export const STATUS_NEWS: readonly StatusNews[] = ['cancelled', 'refunded', 'delivered', 'shipped']

/**
 * Wording of bots' headlines (title, author, a "Status" field, the description's and message's free lines), tried
 * in this order: a test post may say "Checkout Failed (test)", and "Unsuccessful" contains "successful".
 */
export const OUTCOME_WORDING: ReadonlyArray<{ outcome: Exclude<DiscordOutcome, 'neutral'>, pattern: RegExp }> = [
  { outcome: 'test', pattern: /\b(?:test(?:ing)?|webhook works|webhook is working)\b/i },
  {
    outcome: 'declined',
    // A checkout the shopper or the bot cancelled ("Checkout Cancelled"), and a success word denied ("Order Not
    // Placed"), are declines: no order was placed.
    pattern: new RegExp(/\b(?:declined?|fail(?:ed|ure|s)?|error(?:s|ed)?|unsuccessful(?:ly)?|denied|rejected|out of stock|sold out|oos|checkout cancel(?:l?ed)?|not (?:placed|confirmed|submitted|complete[d]?|successful|checked out|purchased|secured))\b/.source +
      localised('échec|échoué|échouée|refusé|refusée|fehlgeschlagen|abgelehnt|rechazad[oa]|fallid[oa]|fallit[oa]|rifiutat[oa]|mislukt|geweigerd'), 'iu')
  },
  { outcome: 'cancelled', pattern: /\b(?:cancel(?:l?ed|lations?)|order voided)\b/i },
  { outcome: 'refunded', pattern: /\brefund(?:ed|s)?\b/i },
  { outcome: 'delivered', pattern: /\b(?:delivered|delivery complete[d]?)\b/i },
  {
    outcome: 'shipped',
    pattern: new RegExp(/\b(?:shipped|has shipped|shipping confirm(?:ed|ation)|on (?:its|the) way|in transit|out for delivery|fulfill?ed)\b/.source +
      localised('expédiée?|versandt|verschickt|enviad[oa]|spedit[oa]|verzonden'), 'iu')
  },
  {
    outcome: 'success',
    pattern: new RegExp(/\b(?:success(?:ful(?:ly)?)?|checked out|checkout (?:complete[d]?|confirmed|placed)|order (?:placed|confirmed|submitted|complete[d]?|received)|copped|purchased|secured|paid|new checkout)\b/.source +
      localised('réussie?|erfolgreich|exitos[oa]|riuscit[oa]|gelukt|geslaagd'), 'iu')
  }
]

/**
 * Words of bots localised for European shops, as one more alternative. `\b` knows ASCII letters only ("échec" has none
 * before it), so these are bounded by any letter.
 */
function localised (words: string): string {
  return `|(?<!\\p{L})(?:${words})(?!\\p{L})`
}

export function outcomeOf (headlines: readonly string[]): DiscordOutcome {
  for (const headline of headlines) {
    // A status as code writes it ("IN_TRANSIT", "out-for-delivery") is the same words.
    const words = headline.replace(/[_-]+/g, ' ')
    const match = OUTCOME_WORDING.find(({ pattern }) => pattern.test(words))
    if (match !== undefined) return match.outcome
  }
  return 'neutral'
}
