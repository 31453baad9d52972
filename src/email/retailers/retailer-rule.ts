import type { EmailKind } from '../email-reading.ts'

export type ClassifiedKind = Exclude<EmailKind, 'unknown'>

/**
 * A retailer described as data. Adding a retailer means one file exporting a RetailerRule and one line in
 * `retailers/index.ts`; docs/email.md walks through an example.
 */
export interface RetailerRule {
  id: string
  /** The store name written on the order (`store` field). */
  name: string
  /** Sender domains; a subdomain matches too (`em.nike.com` matches `nike.com`). `store` overrides `name`. */
  senders: ReadonlyArray<{ domain: string, store?: string }>
  /** Whether the From display name is the store (platforms that send for many stores, such as Shopify). */
  storeFromDisplayName?: boolean
  /** Tried against the subject before the generic patterns; the first kind that matches wins. */
  subjects?: Partial<Record<ClassifiedKind, readonly RegExp[]>>
  /** Tried against the body when no subject pattern matched. */
  bodies?: Partial<Record<ClassifiedKind, readonly RegExp[]>>
  /** The first capture group is the order number; tried on the subject, then the body, before the generic ones. */
  orderNumbers?: readonly RegExp[]
  /** Where the item list starts and ends in the body, when the email has more than one list of products. */
  items?: { start?: RegExp, end?: RegExp }
}
