import { LISTENING_ONLY_CHANNELS, LISTENING_ONLY_STREAMS } from '@contracts/message-purpose';
import type { Db } from '@platform/db/database.client';
import type { ConversationEventsTable, ConversationsTable, Database } from '@platform/db/database.schema';
import { isInScope } from '@platform/db/in-scope.rules';
import { toUuidArray } from '@platform/db/unnest-rows.rules';
import type { Scope } from '@platform/tenancy/policy.rules';
import { type Insertable, sql, type UpdateObject } from 'kysely';
import { computeOverdueAt } from './office-hours/overdue.rules';

export async function findConversationOfMessage(db: Db, organisationId: string, messageId: string) {
  const row = await db
    .selectFrom('published_messages as messages')
    .select('conversation_id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', messageId)
    .executeTakeFirst();
  return row?.conversation_id ?? null;
}

// Messages among `messageIds` not yet in a conversation, oldest first.
function unthreaded(db: Db, organisationId: string, messageIds: string[]) {
  return db
    .selectFrom('published_messages as messages')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', sql<string>`ANY(${toUuidArray(messageIds)})`)
    .where('conversation_id', 'is', null)
    .orderBy('posted_at')
    .orderBy('id');
}

export async function findUnthreadedMessages(db: Db, organisationId: string, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  return unthreaded(db, organisationId, messageIds).execute();
}

// What the sorting job has to look at: outbound messages and conversational inbound ones (isConversational,
// said in SQL so that a burst of search results is not read back only to be skipped).
export async function findUnthreadedThreadable(db: Db, organisationId: string, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  return unthreaded(db, organisationId, messageIds)
    .where((where) =>
      where.or([
        where('direction', '=', 'uit'),
        where.and([
          where('direction', '=', 'in'),
          where('channel', 'not in', LISTENING_ONLY_CHANNELS),
          where.or([where('stream', 'is', null), where('stream', 'not in', LISTENING_ONLY_STREAMS)]),
        ]),
      ]),
    )
    .execute();
}

export async function findMessageByPlatformId(db: Db, organisationId: string, accountId: string, platformId: string) {
  return db
    .selectFrom('published_messages as messages')
    .select(['id', 'conversation_id'])
    .where('organisation_id', '=', organisationId)
    .where('account_id', '=', accountId)
    .where('platform_id', '=', platformId)
    .executeTakeFirst();
}

// Creates the conversation of a thread or, when it exists, locks it: concurrent jobs for one thread take turns.
export async function openConversation(db: Db, row: Insertable<ConversationsTable>) {
  const inserted = await db
    .insertInto('conversations')
    .values(row)
    .onConflict((conflict) => conflict.columns(['organisation_id', 'account_id', 'thread_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { conversation: inserted, created: true };
  const existing = await db
    .selectFrom('conversations')
    .selectAll()
    .where('organisation_id', '=', row.organisation_id)
    .where('account_id', '=', row.account_id)
    .where('thread_key', '=', row.thread_key)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { conversation: existing, created: false };
}

export async function findConversation(db: Db, organisationId: string, conversationId: string, lock = false) {
  let query = db.selectFrom('conversations').selectAll().where('organisation_id', '=', organisationId).where('id', '=', conversationId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

// Changes may be SQL expressions (`message_count + 1`), so a message costs one update, not two.
export async function updateConversation(db: Db, organisationId: string, conversationId: string, changes: UpdateObject<Database, 'conversations'>) {
  return db
    .updateTable('conversations')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', conversationId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface ConversationFilter {
  state?: string;
  channel?: string;
  accountId?: string;
  assignedUserId?: string;
  teamIds?: string[];
  unassigned?: boolean;
  overdueAt?: Date;
  // "Ter controle": a reply waits for this person's check (asked by name or of anyone), or theirs was sent back.
  reviewFor?: string;
  label?: string;
  search?: string;
  before?: { at: Date; id: string };
  limit: number;
}

// Newest first, paged by (last_message_at, id) so conversations that move meanwhile do not shift pages.
export async function findConversations(db: Db, scope: Scope, filter: ConversationFilter) {
  let query = db.selectFrom('conversations').selectAll().where('organisation_id', '=', scope.organisationId).where(isInScope('municipality_id', scope));
  if (filter.state) query = query.where('state', '=', filter.state as 'open');
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  // An account's queue: what came in on it and was not handed off, and what other accounts handed to it.
  if (filter.accountId) {
    const accountId = filter.accountId;
    query = query.where((eb) =>
      eb.or([eb.and([eb('account_id', '=', accountId), eb('handling_account_id', 'is', null)]), eb('handling_account_id', '=', accountId)]),
    );
  }
  if (filter.assignedUserId) query = query.where('assigned_user_id', '=', filter.assignedUserId);
  if (filter.teamIds) {
    if (filter.teamIds.length === 0) return [];
    query = query.where('assigned_team_id', 'in', filter.teamIds);
  }
  if (filter.unassigned) query = query.where('assigned_user_id', 'is', null).where('assigned_team_id', 'is', null);
  if (filter.overdueAt) query = query.where(computeOverdueAt(filter.overdueAt));
  if (filter.reviewFor) {
    const userId = filter.reviewFor;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('reply_drafts')
          .select('reply_drafts.id')
          .whereRef('reply_drafts.organisation_id', '=', 'conversations.organisation_id')
          .whereRef('reply_drafts.conversation_id', '=', 'conversations.id')
          .where((draft) =>
            draft.or([
              draft.and([
                draft('status', '=', 'ter-controle'),
                draft('author_user_id', '!=', userId),
                draft.or([draft('reviewer_user_id', 'is', null), draft('reviewer_user_id', '=', userId)]),
              ]),
              draft.and([draft('status', '=', 'teruggestuurd'), draft('author_user_id', '=', userId)]),
            ]),
          ),
      ),
    );
  }
  if (filter.label) query = query.where(sql<boolean>`${filter.label} = ANY(labels)`);
  // Words of any of its messages, or the resident's handle or name (conversations.search, kept by the database).
  if (filter.search) query = query.where(sql<boolean>`search @@ websearch_to_tsquery('dutch', ${filter.search})`);
  if (filter.before) {
    const { at, id } = filter.before;
    query = query.where((eb) => eb.or([eb('last_message_at', '<', at), eb.and([eb('last_message_at', '=', at), eb('id', '<', id)])]));
  }
  return query.orderBy('last_message_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

// The newest messages of each conversation, at most `perConversation` each.
export async function findRecentMessages(db: Db, organisationId: string, conversationIds: string[], perConversation: number) {
  if (conversationIds.length === 0 || perConversation === 0) return [];
  const ranked = db
    .selectFrom('published_messages as messages')
    .selectAll()
    .select(sql<number>`row_number() OVER (PARTITION BY conversation_id ORDER BY posted_at DESC, id DESC)`.as('rank'))
    .where('organisation_id', '=', organisationId)
    .where('conversation_id', 'in', conversationIds)
    .as('ranked');
  return db.selectFrom(ranked).selectAll().where('rank', '<=', perConversation).orderBy('posted_at', 'desc').execute();
}

export async function findConversationMessages(db: Db, organisationId: string, conversationId: string) {
  return db
    .selectFrom('published_messages as messages')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('conversation_id', '=', conversationId)
    .orderBy('posted_at')
    .orderBy('id')
    .execute();
}

export async function insertConversationEvent(db: Db, row: Insertable<ConversationEventsTable>) {
  return db.insertInto('conversation_events').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findConversationEvents(db: Db, organisationId: string, conversationId: string) {
  return db
    .selectFrom('conversation_events')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('conversation_id', '=', conversationId)
    .orderBy('at')
    .orderBy('seq')
    .execute();
}

export async function findOtherConversationsOf(db: Db, organisationId: string, conversation: { id: string; channel: string; author_id: string }) {
  return db
    .selectFrom('conversations')
    .select(['id', 'channel', 'state', 'started_at', 'preview'])
    .where('organisation_id', '=', organisationId)
    .where('channel', '=', conversation.channel)
    .where('author_id', '=', conversation.author_id)
    .where('id', '!=', conversation.id)
    .orderBy('started_at', 'desc')
    .limit(20)
    .execute();
}

export async function markRead(db: Db, organisationId: string, conversationId: string, userId: string, at: Date) {
  await db
    .insertInto('conversation_reads')
    .values({ organisation_id: organisationId, conversation_id: conversationId, user_id: userId, read_at: at })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'conversation_id', 'user_id']).doUpdateSet({ read_at: at }))
    .execute();
}

export async function findReads(db: Db, organisationId: string, userId: string, conversationIds: string[]) {
  if (conversationIds.length === 0 || !userId) return new Map<string, Date>();
  const rows = await db
    .selectFrom('conversation_reads')
    .select(['conversation_id', 'read_at'])
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('conversation_id', 'in', conversationIds)
    .execute();
  return new Map(rows.map((row) => [row.conversation_id, row.read_at]));
}

// The conversation of the resident's message an outbox item answers.
export async function findConversationOfOutboxReply(db: Db, organisationId: string, outboxId: unknown) {
  if (typeof outboxId !== 'string' || !/^[0-9a-f-]{36}$/i.test(outboxId)) return null;
  const row = await db
    .selectFrom('published_outbox as outbox')
    .innerJoin('published_messages as messages', (join) =>
      join.onRef('messages.organisation_id', '=', 'outbox.organisation_id').onRef('messages.id', '=', 'outbox.reply_to_message_id'),
    )
    .select('messages.conversation_id')
    .where('outbox.organisation_id', '=', organisationId)
    .where('outbox.id', '=', outboxId)
    .executeTakeFirst();
  return row?.conversation_id ?? null;
}
