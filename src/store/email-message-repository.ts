import type { Selectable } from 'kysely'
import type { Db, EmailMessagesTable } from './database.ts'
import { decodeRaw, encodeRaw, type RawEncoding } from './raw-text.ts'

export type EmailStatus = 'applied' | 'unmatched' | 'failed' | 'duplicate'

/** What reading and applying an email found; written when the email is first seen and again on every re-run. */
export interface EmailOutcome {
  status: EmailStatus
  sentAt: string | null
  sender: string | null
  subject: string | null
  retailer: string | null
  kind: string | null
  orderNumber: string | null
  orderId: number | null
  problems: string[]
}

export interface NewEmail extends EmailOutcome {
  messageId: string
  via: string
  mailbox: string | null
  uid: number | null
  raw: Buffer
  now: string
}

export interface StoredEmail extends EmailOutcome {
  id: number
  messageId: string
  via: string
  mailbox: string | null
  uid: number | null
  receivedAt: string
  rawText: string
  rawEncoding: RawEncoding
  createdAt: string
  updatedAt: string
}

/** Inserts the email unless its Message-ID was seen before (on any instance: the unique index decides). */
export async function insertEmailIfAbsent (db: Db, email: NewEmail): Promise<number | undefined> {
  const { text, encoding } = encodeRaw(email.raw)
  const row = await db.kysely.insertInto('email_messages').values({
    ...toColumns(email),
    message_id: email.messageId,
    via: email.via,
    mailbox: email.mailbox,
    uid: email.uid,
    received_at: email.now,
    raw: text,
    raw_encoding: encoding,
    created_at: email.now
  })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id
}

export async function updateEmailOutcome (db: Db, id: number, outcome: EmailOutcome, now: string): Promise<void> {
  await db.kysely.updateTable('email_messages').set({ ...toColumns({ ...outcome, now }) }).where('id', '=', id).execute()
}

export async function findEmail (db: Db, id: number): Promise<StoredEmail | undefined> {
  const row = await db.kysely.selectFrom('email_messages').selectAll().where('id', '=', id).executeTakeFirst()
  return row === undefined ? undefined : toStoredEmail(row)
}

export async function findEmailByMessageId (db: Db, messageId: string): Promise<StoredEmail | undefined> {
  const row = await db.kysely.selectFrom('email_messages').selectAll().where('message_id', '=', messageId).executeTakeFirst()
  return row === undefined ? undefined : toStoredEmail(row)
}

/** Emails applied to the order from that sender with that subject: the candidates for a second copy of one email. */
export async function findAppliedEmailsFrom (db: Db, orderId: number, sender: string, subject: string): Promise<StoredEmail[]> {
  const rows = await db.kysely.selectFrom('email_messages').selectAll()
    .where('order_id', '=', orderId)
    .where('status', '=', 'applied')
    .where('sender', '=', sender)
    .where('subject', '=', subject)
    .orderBy('id')
    .execute()
  return rows.map(toStoredEmail)
}

/** The date of the newest email already applied to the order, leaving out one email (the one being re-run). */
export async function findLatestAppliedEmailDate (db: Db, orderId: number, exceptId: number | null): Promise<string | null> {
  const row = await db.kysely.selectFrom('email_messages')
    .select((eb) => eb.fn.max('sent_at').as('latest'))
    .where('order_id', '=', orderId)
    .where('status', '=', 'applied')
    .$if(exceptId !== null, (q) => q.where('id', '<>', exceptId ?? 0))
    .executeTakeFirst()
  return row?.latest ?? null
}

export interface EmailQuery {
  limit: number
  /** Only emails with an id below this (the next page). */
  before?: number | undefined
  /** Any of these statuses; all when absent. */
  statuses?: readonly string[] | undefined
  orderId?: number | undefined
}

/** Newest first, paged by id. */
export async function listEmails (db: Db, query: EmailQuery): Promise<StoredEmail[]> {
  const rows = await db.kysely.selectFrom('email_messages').selectAll()
    .$if(query.before !== undefined, (q) => q.where('id', '<', query.before ?? 0))
    .$if(query.statuses !== undefined && query.statuses.length > 0, (q) => q.where('status', 'in', query.statuses ?? []))
    .$if(query.orderId !== undefined, (q) => q.where('order_id', '=', query.orderId ?? 0))
    .orderBy('id', 'desc')
    .limit(query.limit)
    .execute()
  return rows.map(toStoredEmail)
}

export function rawOf (email: Pick<StoredEmail, 'rawText' | 'rawEncoding'>): Buffer {
  return decodeRaw(email.rawText, email.rawEncoding)
}

function toColumns (outcome: EmailOutcome & { now: string }): Omit<EmailMessagesTable, 'id' | 'message_id' | 'via' | 'mailbox' | 'uid' | 'received_at' | 'raw' | 'raw_encoding' | 'created_at'> {
  return {
    status: outcome.status,
    sent_at: outcome.sentAt,
    sender: outcome.sender,
    subject: outcome.subject,
    retailer: outcome.retailer,
    kind: outcome.kind,
    order_number: outcome.orderNumber,
    order_id: outcome.orderId,
    problems: JSON.stringify(outcome.problems),
    updated_at: outcome.now
  }
}

function toStoredEmail (row: Selectable<EmailMessagesTable>): StoredEmail {
  return {
    id: row.id,
    messageId: row.message_id,
    via: row.via,
    mailbox: row.mailbox,
    uid: row.uid === null ? null : Number(row.uid),
    receivedAt: row.received_at,
    sentAt: row.sent_at,
    sender: row.sender,
    subject: row.subject,
    retailer: row.retailer,
    kind: row.kind,
    orderNumber: row.order_number,
    orderId: row.order_id === null ? null : Number(row.order_id),
    status: row.status as EmailStatus,
    problems: JSON.parse(row.problems) as string[],
    rawText: row.raw,
    rawEncoding: row.raw_encoding === 'base64' ? 'base64' : 'utf8',
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}
