import { unwrapMarkdown } from './unwrap-markdown.ts'

/**
 * What checkout bots call each field, after `normalizeLabel` (lower case, no punctuation, emoji or unit in
 * parentheses). Kept as data: a new bot's wording is one more string here. A label found nowhere is kept in
 * `extra` under the name the bot gave it.
 */
export const DISCORD_FIELD_ALIASES = {
  orderNumber: ['order', 'order number', 'order id', 'order no', 'order num', 'order nr', 'order code', 'orderid',
    'order ref', 'order reference',
    // Bots localised for European shops: French, German, Spanish, Italian, Dutch.
    'commande', 'numéro de commande', 'n de commande', 'bestellung', 'bestellnummer', 'pedido', 'número de pedido',
    'numero de pedido', 'ordine', 'numero ordine', 'bestelling', 'bestelnummer',
    // Japanese: the shops' own words for an order number.
    '注文番号', 'オーダー番号', '受注番号', '注文id', '注文no'],
  product: ['product', 'item', 'product name', 'item name', 'product title', 'products', 'items', 'produit', 'article',
    'produkt', 'artikel', 'producto', 'artículo', 'articulo', 'prodotto', 'articolo', '商品', '商品名', 'アイテム', '製品'],
  size: ['size', 'shoe size', 'sizes', 'product size', 'item size', 'variant', 'size variant', 'taille', 'pointure',
    'größe', 'grösse', 'groesse', 'talla', 'taglia', 'maat', 'サイズ'],
  store: ['store', 'site', 'website', 'retailer', 'shop', 'merchant', 'store name', 'site name', 'boutique', 'magasin',
    'tienda', 'negozio', 'winkel', 'サイト', 'ストア', 'ショップ', '店舗', '販売店'],
  sku: ['sku', 'style code', 'pid', 'style', 'style id', 'product id', 'product code', 'sku id', 'stylecode', '品番', '型番'],
  price: ['price', 'cost', 'item price', 'product price', 'unit price', 'prix', 'preis', 'precio', 'prezzo', 'prijs', '価格', '値段', '単価', '販売価格'],
  total: ['total', 'order total', 'total price', 'grand total', 'total cost', 'amount', 'total amount', 'prix total',
    'montant', 'gesamt', 'gesamtpreis', 'summe', 'importe', 'totale', 'totaal', '合計', '合計金額', '総額', '支払金額', 'お支払い金額'],
  quantity: ['quantity', 'qty', 'count', 'units', 'quantité', 'quantite', 'menge', 'anzahl', 'cantidad', 'quantità',
    'quantita', 'aantal', '数量', '個数'],
  currency: ['currency'],
  profile: ['profile', 'billing profile', 'billing', 'profile name', 'payment profile', 'プロフィール', 'プロファイル'],
  proxyList: ['proxy list', 'proxy details', 'proxy', 'proxies', 'proxy group', 'proxylist', 'proxy set', 'プロキシ', 'プロキシリスト'],
  email: ['email', 'account', 'account email', 'e mail', 'mail', 'email address', 'login', 'メール', 'メールアドレス', 'アカウント'],
  referenceNumber: ['reference', 'reference number', 'ref', 'confirmation', 'confirmation number', 'confirmation code'],
  customerName: ['customer name', 'full name', 'name on order'],
  trackingNumber: ['tracking', 'tracking number', 'tracking no', 'tracking id', 'tracking code', '追跡番号', '伝票番号', 'お問い合わせ番号'],
  carrier: ['carrier', 'courier', 'shipping carrier', '配送業者', '運送会社'],
  mode: ['mode', 'task mode', 'checkout mode', 'モード'],
  checkoutSpeed: ['checkout speed', 'speed', 'checkout time', 'time taken', 'checkout duration', 'elapsed',
    'time to checkout'],
  status: ['status', 'result', 'outcome', 'checkout status', 'ステータス', '状態', '結果'],
  reason: ['reason', 'error', 'decline reason', 'error message', 'failure reason', 'message', 'response', '理由', 'エラー', 'エラー内容']
} as const satisfies Record<string, readonly string[]>

export type DiscordKey = keyof typeof DISCORD_FIELD_ALIASES

const BY_ALIAS = new Map<string, DiscordKey>(
  Object.entries(DISCORD_FIELD_ALIASES).flatMap(([key, aliases]) => aliases.map((alias) => [alias, key as DiscordKey]))
)

// "Product (2)", "Product [2]", "Product #2", "Product 2": the second of several items.
const NUMBERED = /\s*(?:\((\d{1,2})\)|\[(\d{1,2})\]|#\s*(\d{1,2})|\s(\d{1,2}))\s*:?\s*$/

/** A field name as the alias table spells it, and the item it belongs to (0 when not numbered). */
export function normalizeLabel (name: string): { base: string, index: number } {
  let text = unwrapMarkdown(name)
    .replace(/<a?:\w+:\d+>|:[a-z0-9_+-]+:/gi, ' ')
    .replace(/\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u200d|\ufe0f/gu, ' ')
  let index = 0
  const numbered = NUMBERED.exec(text)
  if (numbered !== null) {
    index = Number(numbered[1] ?? numbered[2] ?? numbered[3] ?? numbered[4])
    text = text.slice(0, numbered.index)
  }
  const base = text
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  return { base, index }
}

/** The alias a field name resolves to, its item number, and a unit it names ("Checkout Speed (ms)"). */
export function resolveLabel (name: string): { key: DiscordKey | undefined, index: number, unit: string | undefined } {
  const { base, index } = normalizeLabel(name)
  return { key: BY_ALIAS.get(base), index, unit: /\(([a-z]{1,4})\)/i.exec(name)?.[1] }
}
