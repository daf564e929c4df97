import type { Db } from '@platform/db/database';

// Meldingen and klachten made from any of a conversation's messages.
export async function findCasesOfConversation(db: Db, organisationId: string, conversationId: string) {
  const messageIds = db.selectFrom('messages').select('id').where('organisation_id', '=', organisationId).where('conversation_id', '=', conversationId);
  const [meldingen, klachten] = await Promise.all([
    db
      .selectFrom('meldingen')
      .select(['id', 'number', 'status', 'created_at'])
      .where('organisation_id', '=', organisationId)
      .where('source_message_id', 'in', messageIds)
      .execute(),
    db
      .selectFrom('klachten')
      .select(['id', 'number', 'status', 'registered_at as created_at'])
      .where('organisation_id', '=', organisationId)
      .where('message_id', 'in', messageIds)
      .execute(),
  ]);
  return { meldingen, klachten };
}
