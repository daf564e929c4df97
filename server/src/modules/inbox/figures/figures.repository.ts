import type { Db } from '@platform/db/database.client';
import { isInScope } from '@platform/db/in-scope.rules';
import type { Scope } from '@platform/tenancy/policy.rules';

interface FiguresFilter {
  accountId?: string;
  from: Date;
  until: Date;
}

// The conversations started in a period, with the moments the figures measure.
export async function findConversationsForFigures(db: Db, scope: Scope, filter: FiguresFilter) {
  let query = db
    .selectFrom('conversations')
    .select(['account_id', 'started_at', 'first_response_at', 'closed_at', 'state'])
    .where('organisation_id', '=', scope.organisationId)
    .where(isInScope('municipality_id', scope))
    .where('started_at', '>=', filter.from)
    .where('started_at', '<', filter.until);
  if (filter.accountId) query = query.where('account_id', '=', filter.accountId);
  return query.execute();
}

// Automatic messages (the acknowledgement outside opening hours, the satisfaction question) are not the
// account's own answers: they are left out of what it sent. Their outbox keys say what they are.
const AUTOMATIC_KEYS = ['ontvangstbevestiging:%', 'tevredenheid:%'];

// What each account sent in a period: everything, and how much of it answered someone.
export async function countSentByAccount(db: Db, scope: Scope, filter: FiguresFilter) {
  let query = db
    .selectFrom('published_messages as messages')
    .leftJoin('published_outbox as outbox', (join) =>
      join.onRef('outbox.organisation_id', '=', 'messages.organisation_id').onRef('outbox.sent_message_id', '=', 'messages.id'),
    )
    .select((eb) => ['messages.account_id', eb.fn.countAll<number>().as('sent'), eb.fn.count<number>('messages.reply_to_platform_id').as('replies')])
    .where('messages.organisation_id', '=', scope.organisationId)
    .where('messages.direction', '=', 'uit')
    .where(isInScope('messages.municipality_id', scope))
    .where('messages.posted_at', '>=', filter.from)
    .where('messages.posted_at', '<', filter.until)
    .where((eb) => eb.or([eb('outbox.idempotency_key', 'is', null), eb.and(AUTOMATIC_KEYS.map((key) => eb('outbox.idempotency_key', 'not like', key)))]))
    .groupBy('messages.account_id');
  if (filter.accountId) query = query.where('messages.account_id', '=', filter.accountId);
  return query.execute();
}
