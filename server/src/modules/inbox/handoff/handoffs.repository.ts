import type { Db } from '@platform/db/database.client';
import type { ConversationHandoffsTable, HandoffStatus } from '@platform/db/database.schema';
import type { Insertable } from 'kysely';

export async function insertHandoff(db: Db, row: Insertable<ConversationHandoffsTable>) {
  return db.insertInto('conversation_handoffs').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findHandoffsOfConversation(db: Db, organisationId: string, conversationId: string) {
  return db
    .selectFrom('conversation_handoffs')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findOpenPartnerHandoff(db: Db, organisationId: string, conversationId: string) {
  return db
    .selectFrom('conversation_handoffs')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('conversation_id', '=', conversationId)
    .where('kind', '=', 'partner')
    .where('status', 'in', ['verstuurd', 'geopend', 'in-behandeling'])
    .executeTakeFirst();
}

export async function findHandoffByToken(db: Db, organisationId: string, tokenHash: string) {
  return db
    .selectFrom('conversation_handoffs')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

// Moves the status only from one of the given ones, so two clicks (or two tabs) change it once.
export async function moveHandoffStatus(
  db: Db,
  organisationId: string,
  handoffId: string,
  from: HandoffStatus[],
  changes: { status: HandoffStatus; status_changed_at: Date; opened_at?: Date; answer?: string | null },
) {
  return db
    .updateTable('conversation_handoffs')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', handoffId)
    .where('status', 'in', from)
    .returningAll()
    .executeTakeFirst();
}
