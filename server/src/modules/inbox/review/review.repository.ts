import type { Db } from '@platform/db/database.client';
import type { ReplyDraftsTable } from '@platform/db/database.schema';
import type { Insertable, Updateable } from 'kysely';

// A draft with the names of the people around it (author, asked reviewer, who decided).
function withNames(db: Db, organisationId: string) {
  return db
    .selectFrom('reply_drafts as d')
    .innerJoin('published_users as author', (join) =>
      join.onRef('author.organisation_id', '=', 'd.organisation_id').onRef('author.id', '=', 'd.author_user_id'),
    )
    .leftJoin('published_users as reviewer', (join) =>
      join.onRef('reviewer.organisation_id', '=', 'd.organisation_id').onRef('reviewer.id', '=', 'd.reviewer_user_id'),
    )
    .leftJoin('published_users as decider', (join) => join.onRef('decider.organisation_id', '=', 'd.organisation_id').onRef('decider.id', '=', 'd.reviewed_by'))
    .selectAll('d')
    .select(['author.name as author_name', 'reviewer.name as reviewer_name', 'decider.name as reviewed_by_name'])
    .where('d.organisation_id', '=', organisationId);
}

export type NamedDraftRow = NonNullable<Awaited<ReturnType<typeof findNamedDraft>>>;

export async function findNamedDraft(db: Db, organisationId: string, draftId: string) {
  return withNames(db, organisationId).where('d.id', '=', draftId).executeTakeFirst();
}

// Drafts still in play on a conversation: waiting for a check, or sent back to the author.
export async function findOpenDrafts(db: Db, organisationId: string, conversationId: string) {
  return withNames(db, organisationId)
    .where('d.conversation_id', '=', conversationId)
    .where('d.status', 'in', ['ter-controle', 'teruggestuurd'])
    .orderBy('d.created_at')
    .execute();
}

export async function insertDraft(db: Db, row: Insertable<ReplyDraftsTable>) {
  return db.insertInto('reply_drafts').values(row).returning('id').executeTakeFirstOrThrow();
}

// Locked: two colleagues deciding at once take turns, and the second sees the first one's decision.
export async function lockDraft(db: Db, organisationId: string, draftId: string) {
  return db.selectFrom('reply_drafts').selectAll().where('organisation_id', '=', organisationId).where('id', '=', draftId).forUpdate().executeTakeFirst();
}

export async function updateDraft(db: Db, organisationId: string, draftId: string, changes: Updateable<ReplyDraftsTable>) {
  await db.updateTable('reply_drafts').set(changes).where('organisation_id', '=', organisationId).where('id', '=', draftId).execute();
}
