import type { Db } from '@platform/db/database.client';

export async function findConversationRefsOfMessages(db: Db, organisationId: string, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('conversations')
    .select(['conversations.organisation_id', 'conversations.id', 'conversations.municipality_id'])
    .where('conversations.organisation_id', '=', organisationId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('published_messages as messages')
          .select('messages.id')
          .whereRef('messages.organisation_id', '=', 'conversations.organisation_id')
          .whereRef('messages.conversation_id', '=', 'conversations.id')
          .where('messages.id', 'in', messageIds),
      ),
    )
    .execute();
}
