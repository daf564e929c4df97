import type { Db } from '@platform/db/database.client';
import { sql } from 'kysely';

export interface QuarantineEntry {
  id: string;
  accountId: string;
  stream: string | null;
  platformId: string;
  payload: string;
  error: string;
}

// The same message set aside again (a webhook redelivered, a retry that failed) is one entry with one more attempt.
export async function upsertQuarantineEntry(db: Db, organisationId: string, entry: QuarantineEntry, now: Date) {
  await db
    .insertInto('quarantined_messages')
    .values({
      organisation_id: organisationId,
      id: entry.id,
      account_id: entry.accountId,
      stream: entry.stream,
      platform_id: entry.platformId,
      payload: entry.payload,
      error: entry.error,
      first_seen_at: now,
      last_tried_at: now,
    })
    .onConflict((conflict) =>
      conflict.expression(sql`organisation_id, account_id, md5(platform_id)`).doUpdateSet({
        payload: (eb) => eb.ref('excluded.payload'),
        error: (eb) => eb.ref('excluded.error'),
        attempts: sql`quarantined_messages.attempts + 1`,
        last_tried_at: now,
      }),
    )
    .execute();
}

export async function findQuarantineEntries(db: Db, organisationId: string, accountId: string) {
  return db
    .selectFrom('quarantined_messages')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('account_id', '=', accountId)
    .orderBy('first_seen_at', 'desc')
    .limit(500)
    .execute();
}

export async function findQuarantineEntry(db: Db, organisationId: string, accountId: string, entryId: string) {
  return db
    .selectFrom('quarantined_messages')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('account_id', '=', accountId)
    .where('id', '=', entryId)
    .forUpdate()
    .executeTakeFirst();
}

export async function deleteQuarantineEntry(db: Db, organisationId: string, entryId: string) {
  await db.deleteFrom('quarantined_messages').where('organisation_id', '=', organisationId).where('id', '=', entryId).execute();
}

// How many messages each account has set aside, for the accounts list ("aandacht nodig").
export async function countQuarantineEntries(db: Db, organisationId: string, accountIds: string[]) {
  if (accountIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('quarantined_messages')
    .select(['account_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('organisation_id', '=', organisationId)
    .where('account_id', 'in', accountIds)
    .groupBy('account_id')
    .execute();
  return new Map(rows.map((row) => [row.account_id, Number(row.count)]));
}
