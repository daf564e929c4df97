import type { Db } from '../../../platform/db/database';

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

// What each account sent in a period: everything, and how much of it answered someone.
export async function countSentByAccount(db: Db, organisationId: string, scope: Scope) {
  if (scope.municipalityIds.length === 0) return [];
  let query = db
    .selectFrom('messages')
    .select((eb) => ['account_id', eb.fn.countAll<number>().as('sent'), eb.fn.count<number>('reply_to_platform_id').as('replies')])
    .where('organisation_id', '=', organisationId)
    .where('direction', '=', 'uit')
    .where('municipality_id', 'in', scope.municipalityIds)
    .where('posted_at', '>=', scope.from)
    .where('posted_at', '<', scope.until)
    .groupBy('account_id');
  if (scope.accountId) query = query.where('account_id', '=', scope.accountId);
  return query.execute();
}
