import { sql } from 'kysely';
import type { Db } from '../db/database.client';

function monthStart(date: Date, offset: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
}

// Monthly partitions are made ahead of time: rows for a month without one would land in the default partition.
export async function ensureAuditPartitions(db: Db, now: Date, monthsAhead = 2): Promise<void> {
  for (let offset = 0; offset <= monthsAhead; offset++) {
    const from = monthStart(now, offset);
    const until = monthStart(now, offset + 1);
    const name = `audit_log_${from.getUTCFullYear()}_${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
    const exists = await sql<{ exists: boolean }>`SELECT to_regclass(${name}) IS NOT NULL AS exists`.execute(db);
    if (exists.rows[0]?.exists) continue;
    const overlapping = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM audit_log_default WHERE occurred_at >= ${from} AND occurred_at < ${until}`.execute(db);
    // A month that already has rows in the default partition stays there; moving them would break append-only.
    if ((overlapping.rows[0]?.count ?? 0) > 0) continue;
    await sql
      .raw(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF audit_log FOR VALUES FROM ('${from.toISOString()}') TO ('${until.toISOString()}')`)
      .execute(db);
  }
}

// What has served its purpose: expired sessions, used or expired reset links after a day, OpenID sign-in states after
// an hour, sign-in failures a day old (and no longer locking), and finished jobs after a week.
export async function deleteExpiredRows(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  await db
    .deleteFrom('password_resets')
    .where('expires_at', '<', new Date(now.getTime() - 86_400_000))
    .execute();
  await db
    .deleteFrom('oidc_login_states')
    .where('created_at', '<', new Date(now.getTime() - 3_600_000))
    .execute();
  // A retry comes within minutes; a day covers a client that was offline overnight.
  await db
    .deleteFrom('idempotent_requests')
    .where('created_at', '<', new Date(now.getTime() - 86_400_000))
    .execute();
  await db
    .deleteFrom('sign_in_failures')
    .where('last_failed_at', '<', new Date(now.getTime() - 86_400_000))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .execute();
  await db
    .deleteFrom('jobs')
    .where('status', '=', 'done')
    .where('finished_at', '<', new Date(now.getTime() - 7 * 86_400_000))
    .execute();
}
