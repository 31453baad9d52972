import type { OrderField, RawOrderPatch } from '../../orders/order-patch.ts'
import { FIELD_ALIASES, toAliasKey } from './field-aliases.ts'
import { arrayAt, isRecord, textAt, type JsonRecord } from './payload-shape.ts'

type Trackings = NonNullable<RawOrderPatch['trackings']>

/** Order meta keys that hold one tracking number, and where its carrier is, as the common plugins store them. */
const SINGLE_TRACKING_META: ReadonlyArray<{ number: string, carrier: string }> = [
  { number: '_aftership_tracking_number', carrier: '_aftership_tracking_provider_name' },
  { number: 'ywot_tracking_code', carrier: 'ywot_carrier_name' },
  { number: '_tracking_number', carrier: '_tracking_provider' }
]

const SIZE_KEY = /(^|[\s_-])size$/i

// Order fields WooCommerce has no place for, which a reseller's checkout plugin or bot keeps in the order's meta
// (`profile`, `_proxy_list`, `commission`): read through the guide's names.
const META_FIELDS: ReadonlySet<OrderField> = new Set(['profile', 'proxyList', 'commission', 'referenceNumber'])
// Visible meta WooCommerce itself writes on every order, which says nothing about it.
const CORE_META = new Set(['is_vat_exempt'])
const META_ALIASES = new Map(FIELD_ALIASES.filter(([field]) => META_FIELDS.has(field)).flatMap(([field, aliases]) => aliases.map((alias) => [alias, field] as const)))

/**
 * What the order's meta adds: the reseller fields above, and every other meta value shown to the shop (keys without
 * a leading `_`, which WooCommerce and plugins use for their own bookkeeping) in extra, under `meta.<key>`: text as
 * text, and a value plugins store as a structure (a flag, a list, an object) as it is. A reseller field whose value is
 * such a structure cannot be the order's field, and is kept the same way rather than lost.
 */
export function readWooMeta (order: JsonRecord): { fields: Partial<Record<OrderField, unknown>>, extra: Record<string, unknown> } {
  const fields: Partial<Record<OrderField, unknown>> = {}
  const extra: Record<string, unknown> = {}
  const keep = (key: string, value: unknown): void => {
    Object.defineProperty(extra, `meta.${key}`, { value, enumerable: true, writable: true, configurable: true })
  }
  for (const [key, value] of metaMap(arrayAt(order, 'meta_data'))) {
    const field = META_ALIASES.get(toAliasKey(key.replace(/^_+/, '')))
    const structured = typeof value === 'boolean' || (typeof value === 'object' && value !== null)
    if (field !== undefined) {
      if (fields[field] === undefined && (typeof value === 'string' || typeof value === 'number')) fields[field] = value
      else if (structured) keep(key.replace(/^_+/, ''), value)
      continue
    }
    if (key.startsWith('_') || CORE_META.has(key)) continue
    const text = structured ? value : plainText(value)
    if (text !== undefined) keep(key, text)
  }
  return { fields, extra }
}

/**
 * Trackings from the order's meta: WooCommerce Shipment Tracking and Advanced Shipment Tracking both keep a list in
 * `_wc_shipment_tracking_items` ({ tracking_number, tracking_provider, custom_tracking_provider, date_shipped }).
 */
export function readWooTrackings (order: JsonRecord): Trackings {
  const meta = metaMap(arrayAt(order, 'meta_data'))
  const trackings: Trackings = []
  for (const entry of listValue(meta.get('_wc_shipment_tracking_items'))) {
    if (!isRecord(entry)) continue
    const number = textAt(entry, 'tracking_number')
    const carrier = textAt(entry, 'custom_tracking_provider') ?? textAt(entry, 'formatted_tracking_provider') ??
      textAt(entry, 'tracking_provider')
    if (number !== undefined) trackings.push(carrier === undefined ? { number } : { number, carrier })
  }
  for (const keys of SINGLE_TRACKING_META) {
    const number = meta.get(keys.number)
    if (typeof number !== 'string' || number.trim() === '') continue
    const carrier = meta.get(keys.carrier)
    trackings.push(typeof carrier === 'string' && carrier.trim() !== '' ? { number, carrier } : { number })
  }
  return trackings
}

/**
 * A line item's variation, from its visible meta (keys without a leading `_`): `display_value` is what the shopper
 * saw ("9.5"), `value` may be the attribute's slug ("9-5").
 */
export function readWooVariation (item: JsonRecord): { variant?: string, size?: string } {
  const values: string[] = []
  let size: string | undefined
  for (const meta of arrayAt(item, 'meta_data')) {
    if (!isRecord(meta) || typeof meta.key !== 'string' || meta.key.startsWith('_')) continue
    const value = plainText(meta.display_value) ?? plainText(meta.value)
    if (value === undefined) continue
    values.push(value)
    const label = `${meta.key.replace(/^pa_/, '')} ${typeof meta.display_key === 'string' ? meta.display_key : ''}`
    if (size === undefined && label.split(' ').some((part) => SIZE_KEY.test(part.trim()))) size = value
  }
  return { variant: values.length === 0 ? undefined : values.join(' / '), size }
}

function metaMap (entries: readonly unknown[]): Map<string, unknown> {
  const map = new Map<string, unknown>()
  for (const entry of entries) {
    if (isRecord(entry) && typeof entry.key === 'string') map.set(entry.key, entry.value)
  }
  return map
}

/** Plugins store the list as an array; an export or a REST client may hand it over as JSON text instead. */
function listValue (value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (isRecord(value)) return Object.values(value)
  if (typeof value === 'string' && value.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value)
      return Array.isArray(parsed) ? parsed : []
    } catch {
      return []
    }
  }
  return []
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': '\'', nbsp: ' ' }

/** WooCommerce writes `display_value` as HTML; the order keeps text. */
function plainText (value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const text = String(value).replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '').trim()
  return text === '' ? undefined : text
}
