import type { RetailerRule } from './retailer-rule.ts'

// The generic wordings in German, French and Japanese: European and Japanese shops (Zalando, Sneakersnstuff's
// localised mail, Courir, atmos, Pokémon Center Japan) write to bot accounts in the shopper's language. JavaScript's
// \b knows only ASCII letters, so words ending in an accent or written in kana end with (?!\p{L}) or nothing; the
// patterns carry the u flag for that. Japanese writes a full-width colon (：).

/** Subjects, tried after the English ones. */
export const OTHER_LANGUAGE_SUBJECTS: NonNullable<RetailerRule['subjects']> = {
  'partial-cancellation': [
    /\b(?:ein|einige|ein paar)\s+artikel\b.{0,40}\bstorniert\b/iu, /\bteilstornierung\b/iu,
    /\barticles?\b.{0,30}\bannulée?s?(?!\p{L})/iu, /\bannulation partielle\b/iu,
    /一部(?:商品の)?(?:キャンセル|取り?消し)/u
  ],
  cancellation: [/\bstorniert\b|\bstornierung\b/iu, /\bannulée?s?(?!\p{L})|\bannulation\b/iu, /キャンセル|取り?消し/u],
  delivered: [/\bzugestellt\b|\bwurde geliefert\b/iu, /\blivrée?s?(?!\p{L})/iu, /配達(?:が)?完了|お届け(?:が)?完了|配達済/u],
  'partial-shipping': [/\bteillieferung\b|\bteilweise versandt\b/iu, /\bexpédition partielle\b|\bpartiellement expédiée?(?!\p{L})/iu, /一部(?:商品)?(?:の)?(?:発送|出荷)|分割(?:発送|出荷)/u],
  shipping: [
    /\bversandt\b|\bverschickt\b|\bunterwegs\b|\bversandbestätigung\b/iu,
    /\bexpédiée?s?(?!\p{L})|\ben route\b|\bexpédition\b/iu,
    /発送|出荷/u
  ],
  'order-confirmation': [
    /\bbestellbestätigung\b|\bbestellung\b.{0,40}\b(?:bestätigt|eingegangen|erhalten)\b|\b(?:vielen )?dank für (?:deine|ihre) bestellung\b/iu,
    /\bconfirmation de (?:votre |la )?commande\b|\bcommande\b.{0,40}\b(?:confirmée|reçue|enregistrée)(?!\p{L})|\bmerci pour votre commande\b/iu,
    /ご?注文(?:内容)?(?:の)?確認|ご注文ありがとう|ご注文を(?:承|受け付)/u
  ]
}

/** Bodies, tried after the English ones. */
export const OTHER_LANGUAGE_BODIES: NonNullable<RetailerRule['bodies']> = {
  cancellation: [/\bdeine bestellung\b.{0,40}\bwurde storniert\b|\bihre bestellung\b.{0,40}\bwurde storniert\b/iu, /\bvotre commande\b.{0,40}\ba été annulée(?!\p{L})/iu],
  delivered: [/\b(?:deine|ihre) (?:bestellung|sendung)\b.{0,40}\bwurde zugestellt\b/iu, /\bvotre (?:commande|colis)\b.{0,40}\ba été livrée?(?!\p{L})/iu],
  shipping: [
    /\b(?:deine|ihre) bestellung\b.{0,40}\b(?:wurde versandt|ist unterwegs)\b/iu, /\bvotre commande\b.{0,40}\ba été expédiée(?!\p{L})/iu,
    /(?:商品|ご注文)を?(?:発送|出荷)(?:いた)?しました/u
  ],
  'order-confirmation': [/\b(?:vielen )?dank für (?:deine|ihre) bestellung\b/iu, /\bmerci pour votre commande\b/iu, /ご注文ありがとうございま/u]
}

/** Labelled order numbers: "Bestellnummer: 10101010", "Numéro de commande : 45678901", "ご注文番号：1000123456". */
export const OTHER_LANGUAGE_ORDER_NUMBERS: readonly RegExp[] = [
  /\b(?:bestellnummer|bestell-nr\.?|auftragsnummer)\s*[:#]?\s*#?\s*([A-Z0-9][A-Z0-9-]*\d[A-Z0-9-]*)/iu,
  /\bbestellung\s+(?:nr\.?\s*|#\s*)?([A-Z0-9-]*\d[A-Z0-9-]{2,})\b/iu,
  /\b(?:numéro|n°|no\.?)\s+de\s+commande\s*[:#]?\s*#?\s*([A-Z0-9][A-Z0-9-]*\d[A-Z0-9-]*)/iu,
  /\bcommande\s+(?:n°\s*|no\.?\s*|#\s*)?([A-Z0-9-]*\d[A-Z0-9-]{2,})\b/iu,
  /(?:ご)?注文(?:番号|No\.?)\s*[:：#]?\s*([A-Z0-9][A-Z0-9-]*\d[A-Z0-9-]*)/iu
]
