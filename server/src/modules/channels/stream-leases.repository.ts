import type { Db } from '@platform/db/database.client';
import { sql } from 'kysely';

// Takes or renews the lease on an account's stream; true when this holder has it until `until`.
export async function claimStreamLease(db: Db, key: { organisationId: string; accountId: string }, holder: string, now: Date, until: Date) {
  const row = await db
    .insertInto('channel_stream_leases')
    .values({ organisation_id: key.organisationId, account_id: key.accountId, holder, lease_until: until })
    .onConflict((conflict) =>
      conflict
        .columns(['organisation_id', 'account_id'])
        .doUpdateSet({ holder, lease_until: until })
        .where(sql<boolean>`channel_stream_leases.holder = ${holder} OR channel_stream_leases.lease_until < ${now}`),
    )
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === holder;
}

export async function releaseStreamLease(db: Db, key: { organisationId: string; accountId: string }, holder: string) {
  await db
    .deleteFrom('channel_stream_leases')
    .where('organisation_id', '=', key.organisationId)
    .where('account_id', '=', key.accountId)
    .where('holder', '=', holder)
    .execute();
}
