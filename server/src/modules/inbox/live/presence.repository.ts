import type { Db } from '@platform/db/database.client';

export async function upsertPresence(db: Db, row: { organisationId: string; conversationId: string; userId: string; composing: boolean; at: Date }) {
  await db
    .insertInto('conversation_presence')
    .values({ organisation_id: row.organisationId, conversation_id: row.conversationId, user_id: row.userId, composing: row.composing, seen_at: row.at })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'conversation_id', 'user_id']).doUpdateSet({ composing: row.composing, seen_at: row.at }))
    .execute();
}

export async function removePresence(db: Db, organisationId: string, conversationId: string, userId: string) {
  await db
    .deleteFrom('conversation_presence')
    .where('organisation_id', '=', organisationId)
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .execute();
}

// Colleagues seen on the conversation since `since`, with their names.
export async function findPresentColleagues(db: Db, organisationId: string, conversationId: string, exceptUserId: string, since: Date) {
  return db
    .selectFrom('conversation_presence')
    .innerJoin('published_users as users', (join) =>
      join.onRef('users.organisation_id', '=', 'conversation_presence.organisation_id').onRef('users.id', '=', 'conversation_presence.user_id'),
    )
    .select(['conversation_presence.user_id', 'users.name', 'conversation_presence.composing', 'conversation_presence.seen_at'])
    .where('conversation_presence.organisation_id', '=', organisationId)
    .where('conversation_presence.conversation_id', '=', conversationId)
    .where('conversation_presence.user_id', '!=', exceptUserId)
    .where('conversation_presence.seen_at', '>=', since)
    .orderBy('users.name')
    .execute();
}

// Heartbeats older than `before` on one conversation: tabs closed without saying goodbye.
export async function deleteStalePresence(db: Db, organisationId: string, conversationId: string, before: Date) {
  await db
    .deleteFrom('conversation_presence')
    .where('organisation_id', '=', organisationId)
    .where('conversation_id', '=', conversationId)
    .where('seen_at', '<', before)
    .execute();
}
