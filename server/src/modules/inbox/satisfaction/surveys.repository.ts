import type { Db } from '@platform/db/database.client';
import type { ConversationSurveysTable } from '@platform/db/database.schema';
import { isInScope } from '@platform/db/in-scope.rules';
import type { Scope } from '@platform/tenancy/policy.rules';
import { type Insertable, sql } from 'kysely';

export async function insertSurvey(db: Db, row: Insertable<ConversationSurveysTable>) {
  return db.insertInto('conversation_surveys').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findSurveyByToken(db: Db, organisationId: string, tokenHash: string) {
  return db.selectFrom('conversation_surveys').selectAll().where('organisation_id', '=', organisationId).where('token_hash', '=', tokenHash).executeTakeFirst();
}

// Stores the answer only if there was none yet: answering twice (two tabs, a retry) changes nothing.
export async function answerSurvey(db: Db, organisationId: string, tokenHash: string, answer: { answered_at: Date; score: number; comment: string | null }) {
  return db
    .updateTable('conversation_surveys')
    .set(answer)
    .where('organisation_id', '=', organisationId)
    .where('token_hash', '=', tokenHash)
    .where('answered_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

// The question asked when the conversation was closed at this moment, with what became of its outbox item:
// only a question that went out (and where: its platform id) can be answered in the thread.
export async function findSurveyOfClosing(db: Db, organisationId: string, conversationId: string, closedAt: Date) {
  return db
    .selectFrom('conversation_surveys')
    .innerJoin('published_outbox as outbox', (join) =>
      join.onRef('outbox.organisation_id', '=', 'conversation_surveys.organisation_id').onRef('outbox.id', '=', 'conversation_surveys.outbox_id'),
    )
    .selectAll('conversation_surveys')
    .select(['outbox.status as question_status', 'outbox.platform_id as question_platform_id', 'outbox.sent_at as question_sent_at'])
    .where('conversation_surveys.organisation_id', '=', organisationId)
    .where('conversation_surveys.conversation_id', '=', conversationId)
    .where('conversation_surveys.closed_at', '=', closedAt)
    .executeTakeFirst();
}

// One of our sent messages by its platform id, with the outbox item it was sent for.
export async function findSentMessageByPlatformId(db: Db, organisationId: string, accountId: string, platformId: string) {
  return db
    .selectFrom('published_messages as messages')
    .select(['id', 'conversation_id', sql<string | null>`raw->>'outboxId'`.as('outbox_id')])
    .where('organisation_id', '=', organisationId)
    .where('account_id', '=', accountId)
    .where('platform_id', '=', platformId)
    .where('direction', '=', 'uit')
    .executeTakeFirst();
}

// The same compare-and-set for an answer given in the conversation: the first one counts.
export async function answerSurveyById(db: Db, organisationId: string, surveyId: string, answer: { answered_at: Date; score: number; comment: string | null }) {
  return db
    .updateTable('conversation_surveys')
    .set(answer)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', surveyId)
    .where('answered_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function findSurveysOfConversation(db: Db, organisationId: string, conversationId: string) {
  return db
    .selectFrom('conversation_surveys')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('conversation_id', '=', conversationId)
    .orderBy('sent_at')
    .execute();
}

export async function findSurveysSent(db: Db, scope: Scope, filter: { from: Date; until: Date }) {
  return db
    .selectFrom('conversation_surveys')
    .select(['account_id', 'team_id', 'closed_by_user_id', 'answered_by_user_id', 'answered_at', 'score', 'comment'])
    .where('organisation_id', '=', scope.organisationId)
    .where(isInScope('municipality_id', scope))
    .where('sent_at', '>=', filter.from)
    .where('sent_at', '<', filter.until)
    .execute();
}

// The agent who answered the resident last (through Plein), for the figures per agent.
export async function findLastAnswerer(db: Db, organisationId: string, conversationId: string) {
  const row = await db
    .selectFrom('conversation_events')
    .select(['actor_user_id', 'at'])
    .where('organisation_id', '=', organisationId)
    .where('conversation_id', '=', conversationId)
    .where('kind', '=', 'antwoord')
    .orderBy('at', 'desc')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { userId: row.actor_user_id, at: row.at } : undefined;
}
