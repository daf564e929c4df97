import type { Db } from '@platform/db/database.client';

// The ids of a conversation's messages (the inbox puts a message into a conversation through messages.conversation_id).
export async function findMessageIdsOfConversation(db: Db, organisationId: string, conversationId: string) {
  const rows = await db
    .selectFrom('published_messages as messages')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('conversation_id', '=', conversationId)
    .execute();
  return rows.map((row) => row.id);
}
