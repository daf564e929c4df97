import { sql } from 'kysely';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { JobRegistry } from './job-registry';
import { defineSchedule } from './scheduler';

export const SYSTEM_ORGANISATION_ID = '00000000-0000-0000-0000-000000000000';

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

export function registerPlatformJobs(registry: JobRegistry): void {
  registry.register({
    name: 'platform.partities-onderhouden',
    handler: async ({ db, clock }) => ensureAuditPartitions(db, clock.now()),
  });
  registry.register({
    name: 'platform.opruimen',
    handler: async ({ db, clock }) => {
      const now = clock.now();
      await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
      await db
        .deleteFrom('password_resets')
        .where('expires_at', '<', new Date(now.getTime() - 86_400_000))
        .execute();
      await db
        .deleteFrom('oidc_login_states')
        .where('created_at', '<', new Date(now.getTime() - 3_600_000))
        .execute();
      await db
        .deleteFrom('jobs')
        .where('status', '=', 'done')
        .where('finished_at', '<', new Date(now.getTime() - 7 * 86_400_000))
        .execute();
    },
  });
}

export async function definePlatformSchedules(db: Db, clock: Clock): Promise<void> {
  await defineSchedule(db, clock, { organisationId: SYSTEM_ORGANISATION_ID, name: 'partities', jobName: 'platform.partities-onderhouden', cron: '15 3 * * *' });
  await defineSchedule(db, clock, { organisationId: SYSTEM_ORGANISATION_ID, name: 'opruimen', jobName: 'platform.opruimen', cron: '*/30 * * * *' });
  // Channel polls: the planner enqueues one poll per account and stream when it is due.
  await defineSchedule(db, clock, { organisationId: SYSTEM_ORGANISATION_ID, name: 'kanalen', jobName: 'kanalen.plannen', cron: '* * * * *' });
  // Klachten: reminders before the Awb decision deadline, each sent once (klacht_reminders).
  await defineSchedule(db, clock, {
    organisationId: SYSTEM_ORGANISATION_ID,
    name: 'klachten-herinneringen',
    jobName: 'klachten.herinneren',
    cron: '5 * * * *',
  });
  // Webcare: conversations past their response norm alert whoever handles them, once per due moment.
  // Luisteren: scheduled analyses (TamTam before the B&W meeting) are drafted once per due moment.
  await defineSchedule(db, clock, {
    organisationId: SYSTEM_ORGANISATION_ID,
    name: 'analyses-plannen',
    jobName: 'luisteren.analyses-plannen',
    cron: '*/5 * * * *',
  });
  await defineSchedule(db, clock, { organisationId: SYSTEM_ORGANISATION_ID, name: 'inbox-te-laat', jobName: 'inbox.te-laat-melden', cron: '* * * * *' });
  // Luisteren: authors who wrote since the last run get their automatic network group.
  await defineSchedule(db, clock, { organisationId: SYSTEM_ORGANISATION_ID, name: 'netwerk-indelen', jobName: 'luisteren.netwerk-indelen', cron: '* * * * *' });
}
