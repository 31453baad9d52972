import type { Db } from './database.ts'

export interface MailboxState {
  uidValidity: string
  lastUid: number
}

export async function findMailboxState (db: Db, key: string): Promise<MailboxState | undefined> {
  const row = await db.kysely.selectFrom('mailbox_state').select(['uid_validity', 'last_uid'])
    .where('mailbox_key', '=', key).executeTakeFirst()
  return row === undefined ? undefined : { uidValidity: row.uid_validity, lastUid: Number(row.last_uid) }
}

export async function saveMailboxState (db: Db, key: string, state: MailboxState, now: string): Promise<void> {
  await db.kysely.insertInto('mailbox_state')
    .values({ mailbox_key: key, uid_validity: state.uidValidity, last_uid: state.lastUid, updated_at: now })
    .onConflict((oc) => oc.column('mailbox_key').doUpdateSet({ uid_validity: state.uidValidity, last_uid: state.lastUid, updated_at: now }))
    .execute()
}
