import type { Db } from '@platform/db/database.client';

interface Scope {
  municipalityIds: string[];
  accountId?: string;
  from: Date;
  until: Date;
}

// The conversations started in a period, with the moments the figures measure.
export async function findConversationsForFigures(db: Db, organisationId: string, scope: Scope) {
  if (scope.municipalityIds.length === 0) return [];
  let query = db
    .selectFrom('conversations')
    .select(['account_id', 'started_at', 'first_response_at', 'closed_at', 'state'])
    .where('organisation_id', '=', organisationId)
    .where('municipality_id', 'in', scope.municipalityIds)
    .where('started_at', '>=', scope.from)
    .where('started_at', '<', scope.until);
  if (scope.accountId) query = query.where('account_id', '=', scope.accountId);
  return query.execute();
}

// Automatic messages (the acknowledgement outside opening hours, the satisfaction question) are not the
// account's own answers: they are left out of what it sent. Their outbox keys say what they are.
const AUTOMATIC_KEYS = ['ontvangstbevestiging:%', 'tevredenheid:%'];

// What each account sent in a period: everything, and how much of it answered someone.
export async function countSentByAccount(db: Db, organisationId: string, scope: Scope) {
  if (scope.municipalityIds.length === 0) return [];
  let query = db
    .selectFrom('published_messages as messages')
    .leftJoin('published_outbox as outbox', (join) =>
      join.onRef('outbox.organisation_id', '=', 'messages.organisation_id').onRef('outbox.sent_message_id', '=', 'messages.id'),
    )
    .select((eb) => ['messages.account_id', eb.fn.countAll<number>().as('sent'), eb.fn.count<number>('messages.reply_to_platform_id').as('replies')])
    .where('messages.organisation_id', '=', organisationId)
    .where('messages.direction', '=', 'uit')
    .where('messages.municipality_id', 'in', scope.municipalityIds)
    .where('messages.posted_at', '>=', scope.from)
    .where('messages.posted_at', '<', scope.until)
    .where((eb) => eb.or([eb('outbox.idempotency_key', 'is', null), eb.and(AUTOMATIC_KEYS.map((key) => eb('outbox.idempotency_key', 'not like', key)))]))
    .groupBy('messages.account_id');
  if (scope.accountId) query = query.where('messages.account_id', '=', scope.accountId);
  return query.execute();
}
