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
  { outcome: 'test', pattern: new RegExp(/\b(?:test(?:ing)?|webhook works|webhook is working)\b/.source + japanese('テスト'), 'iu') },
  {
    outcome: 'declined',
    // A checkout the shopper or the bot cancelled ("Checkout Cancelled"), and a success word denied ("Order Not
    // Placed"), are declines: no order was placed.
    pattern: new RegExp(/\b(?:declined?|fail(?:ed|ure|s)?|error(?:s|ed)?|unsuccessful(?:ly)?|denied|rejected|out of stock|sold out|oos|checkout cancel(?:l?ed)?|not (?:placed|confirmed|submitted|complete[d]?|successful|checked out|purchased|secured))\b/.source +
      localised('échec|échoué|échouée|refusé|refusée|fehlgeschlagen|abgelehnt|rechazad[oa]|fallid[oa]|fallit[oa]|rifiutat[oa]|mislukt|geweigerd') +
      japanese('失敗|エラー|拒否|在庫切れ|売り切れ|完売'), 'iu')
  },
  { outcome: 'cancelled', pattern: new RegExp(/\b(?:cancel(?:l?ed|lations?)|order voided)\b/.source + japanese('キャンセル|取り消し|取消'), 'iu') },
  { outcome: 'refunded', pattern: new RegExp(/\brefund(?:ed|s)?\b/.source + japanese('返金'), 'iu') },
  { outcome: 'delivered', pattern: new RegExp(/\b(?:delivered|delivery complete[d]?)\b/.source + japanese('配達完了|配達済|お届け完了'), 'iu') },
  {
    outcome: 'shipped',
    pattern: new RegExp(/\b(?:shipped|has shipped|shipping confirm(?:ed|ation)|on (?:its|the) way|in transit|out for delivery|fulfill?ed)\b/.source +
      localised('expédiée?|versandt|verschickt|enviad[oa]|spedit[oa]|verzonden') + japanese('発送|出荷'), 'iu')
  },
  {
    outcome: 'success',
    pattern: new RegExp(/\b(?:success(?:ful(?:ly)?)?|checked out|checkout (?:complete[d]?|confirmed|placed)|order (?:placed|confirmed|submitted|complete[d]?|received)|copped|purchased|secured|paid|new checkout)\b/.source +
      localised('réussie?|erfolgreich|exitos[oa]|riuscit[oa]|gelukt|geslaagd') + japanese('成功|購入完了|注文完了|注文確定|決済完了|当選'), 'iu')
  }
]

/**
 * Words of bots localised for European shops, as one more alternative. `\b` knows ASCII letters only ("échec" has none
 * before it), so these are bounded by any letter.
 */
function localised (words: string): string {
  return `|(?<!\\p{L})(?:${words})(?!\\p{L})`
}

/**
 * Words of bots localised for Japanese shops. Japanese writes no spaces between words ("購入成功", purchase succeeded),
 * so these are found anywhere in a headline.
 */
function japanese (words: string): string {
  return `|(?:${words})`
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
