import type { Db } from '@platform/db/database.client';
import type { KlachtEventsTable, KlachtenTable, KlachtRemindersTable } from '@platform/db/database.schema';
import { isInScope } from '@platform/db/in-scope.rules';
import type { Scope } from '@platform/tenancy/policy.rules';
import { type Insertable, sql, type Updateable } from 'kysely';

const CLOSED = ['afgehandeld', 'informeel-opgelost', 'niet-in-behandeling', 'ingetrokken'];

// The next number of the year for this organisation; the row lock makes concurrent registrations wait in turn.
export async function takeNextKlachtNumber(db: Db, organisationId: string, year: number): Promise<string> {
  const row = await db
    .insertInto('klacht_counters')
    .values({ organisation_id: organisationId, year, last_number: 1 })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'year']).doUpdateSet({ last_number: sql`klacht_counters.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `K${year}-${String(row.last_number).padStart(5, '0')}`;
}

export async function insertKlacht(db: Db, row: Insertable<KlachtenTable>) {
  return db.insertInto('klachten').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findKlacht(db: Db, organisationId: string, klachtId: string) {
  return db.selectFrom('klachten').selectAll().where('organisation_id', '=', organisationId).where('id', '=', klachtId).executeTakeFirst();
}

export async function lockKlacht(db: Db, organisationId: string, klachtId: string) {
  return db.selectFrom('klachten').selectAll().where('organisation_id', '=', organisationId).where('id', '=', klachtId).forUpdate().executeTakeFirst();
}

export async function updateKlacht(db: Db, organisationId: string, klachtId: string, changes: Updateable<KlachtenTable>) {
  return db
    .updateTable('klachten')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', klachtId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface KlachtFilter {
  status?: string;
  theme?: string;
  overdueAt?: { now: Date; overdue: boolean };
  limit: number;
}

export async function findKlachten(db: Db, scope: Scope, filter: KlachtFilter) {
  let query = db.selectFrom('klachten').selectAll().where('organisation_id', '=', scope.organisationId).where(isInScope('municipality_id', scope));
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.theme) query = query.where('theme', '=', filter.theme);
  if (filter.overdueAt) {
    const { now, overdue } = filter.overdueAt;
    query = overdue
      ? query.where('deadline', '<', now).where('status', 'not in', CLOSED)
      : query.where((eb) => eb.or([eb('deadline', '>=', now), eb('status', 'in', CLOSED)]));
  }
  return query.orderBy('received_at', 'desc').orderBy('number', 'desc').limit(filter.limit).execute();
}

export async function insertKlachtEvent(db: Db, row: Insertable<KlachtEventsTable>) {
  return db.insertInto('klacht_events').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findKlachtEvents(db: Db, organisationId: string, klachtId: string) {
  return db
    .selectFrom('klacht_events')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('klacht_id', '=', klachtId)
    .orderBy('at')
    .orderBy('seq')
    .execute();
}

// What the yearly report needs of every klacht that was received, closed or still open in [from, until).
export async function findForReport(db: Db, scope: Scope, filter: { from: Date; until: Date }) {
  return db
    .selectFrom('klachten')
    .select(['id', 'status', 'theme', 'outcome', 'received_at', 'closed_at', 'deadline', 'extension_weeks'])
    .where('organisation_id', '=', scope.organisationId)
    .where(isInScope('municipality_id', scope))
    .where('received_at', '<', filter.until)
    .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', filter.from)]))
    .execute();
}

// Open klachten of every organisation whose deadline comes within `horizon` of now: the reminder job's work list.
export async function findOpenNearDeadline(db: Db, until: Date) {
  return db
    .selectFrom('klachten')
    .select(['organisation_id', 'id', 'number', 'municipality_id', 'deadline', 'handler_user_id', 'status'])
    .where('closed_at', 'is', null)
    .where('deadline', '<=', until)
    .orderBy('deadline')
    .limit(1_000)
    .execute();
}

// Records a reminder once; false when it was already sent (by an earlier run or another worker).
export async function claimReminder(db: Db, row: Insertable<KlachtRemindersTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('klacht_reminders')
    .values(row)
    .onConflict((conflict) => conflict.columns(['organisation_id', 'klacht_id', 'kind', 'deadline']).doNothing())
    .returning('kind')
    .executeTakeFirst();
  return inserted !== undefined;
}

// Klachten registered from any of these channel messages ("maak klacht" in the inbox).
export async function findKlachtenBySourceMessages(db: Db, organisationId: string, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('klachten')
    .select(['id', 'number', 'status', 'registered_at as created_at'])
    .where('organisation_id', '=', organisationId)
    .where('message_id', 'in', messageIds)
    .execute();
}
