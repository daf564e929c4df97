import type { Db } from '@platform/db/database.client';

export interface StreamKey {
  organisationId: string;
  accountId: string;
  stream: string;
}

export async function recordStreamSuccess(db: Db, key: StreamKey, at: Date) {
  await db
    .insertInto('channel_stream_health')
    .values({ organisation_id: key.organisationId, account_id: key.accountId, stream: key.stream, last_success_at: at })
    .onConflict((conflict) =>
      conflict.columns(['organisation_id', 'account_id', 'stream']).doUpdateSet({ last_success_at: at, last_error: null, last_error_at: null }),
    )
    .execute();
}

export async function recordStreamError(db: Db, key: StreamKey, error: string, at: Date) {
  await db
    .insertInto('channel_stream_health')
    .values({ organisation_id: key.organisationId, account_id: key.accountId, stream: key.stream, last_error: error, last_error_at: at })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'account_id', 'stream']).doUpdateSet({ last_error: error, last_error_at: at }))
    .execute();
}

// The parts of these accounts whose last attempt failed, per account, the most recent first.
export async function findFailingStreams(db: Db, organisationId: string, accountIds: string[]) {
  const failing = new Map<string, { stream: string; last_error: string; last_error_at: Date }[]>();
  if (accountIds.length === 0) return failing;
  const rows = await db
    .selectFrom('channel_stream_health')
    .select(['account_id', 'stream', 'last_error', 'last_error_at'])
    .where('organisation_id', '=', organisationId)
    .where('account_id', 'in', accountIds)
    .where('last_error', 'is not', null)
    .orderBy('last_error_at', 'desc')
    .orderBy('stream')
    .execute();
  for (const row of rows) {
    const list = failing.get(row.account_id) ?? [];
    list.push({ stream: row.stream, last_error: row.last_error ?? '', last_error_at: row.last_error_at ?? new Date(0) });
    failing.set(row.account_id, list);
  }
  return failing;
}
