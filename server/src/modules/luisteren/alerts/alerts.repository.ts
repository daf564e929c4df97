import type { Db } from '@platform/db/database.client';
import type { ListeningAlertsTable } from '@platform/db/database.schema';
import { isInScope } from '@platform/db/in-scope.rules';
import type { Scope } from '@platform/tenancy/policy.rules';
import { type Insertable, sql } from 'kysely';
import { EARLIER_MINUTES } from './spike-detector.rules';

const MINUTE = 60_000;

export async function findRecentAlertKinds(db: Db, organisationId: string, monitorId: string, since: Date) {
  const rows = await db
    .selectFrom('listening_alerts')
    .select('kind')
    .where('organisation_id', '=', organisationId)
    .where('monitor_id', '=', monitorId)
    .where('window_end', '>', since)
    .execute();
  return new Set(rows.map((row) => row.kind));
}

// The last two hours of a monitor, from its counts per minute (monitor_minutes). The minute of the
// reference is still filling: the windows end with it and say how much of it has passed (partialMinute).
export async function countRecent(db: Db, organisationId: string, monitorId: string, reference: Date) {
  const current = Math.floor(reference.getTime() / MINUTE) * MINUTE;
  const from = (minutes: number) => new Date(current - minutes * MINUTE);
  const row = await db
    .selectFrom('monitor_minutes')
    .select([
      sql<number>`coalesce(sum(items) FILTER (WHERE minute >= ${from(1)}), 0)::int`.as('last1'),
      sql<number>`coalesce(sum(items) FILTER (WHERE minute >= ${from(5)}), 0)::int`.as('last5'),
      sql<number>`coalesce(sum(items) FILTER (WHERE minute >= ${from(15)}), 0)::int`.as('last15'),
      sql<number>`coalesce(sum(items) FILTER (WHERE minute >= ${from(60)}), 0)::int`.as('lastHour'),
      sql<number>`coalesce(sum(critical) FILTER (WHERE minute >= ${from(60)}), 0)::int`.as('lastHourCritical'),
      sql<number>`coalesce(sum(items) FILTER (WHERE minute < ${from(15)}), 0)::int`.as('earlier'),
      sql<number>`coalesce(sum(news), 0)::int`.as('news'),
      sql<string | null>`min(minute)`.as('first'),
    ])
    .where('organisation_id', '=', organisationId)
    .where('monitor_id', '=', monitorId)
    .where('minute', '>=', from(15 + EARLIER_MINUTES))
    .where('minute', '<=', new Date(current))
    .executeTakeFirstOrThrow();
  const { first, ...counts } = row;
  const historyMinutes = first === null ? 0 : (current - new Date(first).getTime()) / MINUTE;
  return { ...counts, partialMinute: (reference.getTime() - current) / MINUTE, historyMinutes };
}

// What is normal: the week before the last two hours, and the same hour of the week in the four weeks before.
export async function countBaseline(db: Db, organisationId: string, monitorId: string, reference: Date) {
  const week = 7 * 24 * 60 * MINUTE;
  const recentStart = new Date(Math.floor(reference.getTime() / MINUTE) * MINUTE - (15 + EARLIER_MINUTES) * MINUTE);
  const sameHour = [1, 2, 3, 4].map((weeks) => {
    const centre = reference.getTime() - weeks * week;
    return sql<number>`coalesce(sum(items) FILTER (WHERE minute >= ${new Date(centre - 30 * MINUTE)} AND minute < ${new Date(centre + 30 * MINUTE)}), 0)::int`;
  });
  const weekStart = new Date(recentStart.getTime() - week);
  const row = await db
    .selectFrom('monitor_minutes')
    .select([
      sql<number>`coalesce(sum(items) FILTER (WHERE minute >= ${weekStart}), 0)::int`.as('week'),
      sql<number>`coalesce(sum(critical) FILTER (WHERE minute >= ${weekStart}), 0)::int`.as('weekCritical'),
      sql<number>`coalesce(sum(news) FILTER (WHERE minute >= ${weekStart}), 0)::int`.as('weekNews'),
      sql<string>`min(minute)`.as('first'),
      ...sameHour.map((expression, index) => expression.as(`hour${index + 1}`)),
    ])
    .where('organisation_id', '=', organisationId)
    .where('monitor_id', '=', monitorId)
    .where('minute', '>=', new Date(reference.getTime() - 4 * week - 30 * MINUTE))
    .where('minute', '<', recentStart)
    .executeTakeFirstOrThrow();
  const first = row.first ? new Date(row.first) : null;
  // Only weeks the monitor has history for count: a new monitor has no "same hour four weeks ago".
  const sameHourCounts = ([row.hour1, row.hour2, row.hour3, row.hour4] as number[]).filter(
    (_, index) => first !== null && first.getTime() <= reference.getTime() - (index + 1) * week,
  );
  const covered = Math.max(weekStart.getTime(), first?.getTime() ?? recentStart.getTime());
  return { week: row.week, weekMinutes: (recentStart.getTime() - covered) / MINUTE, weekCritical: row.weekCritical, weekNews: row.weekNews, sameHourCounts };
}

// Serialises alerting per monitor across workers for the rest of the transaction.
export async function lockMonitorAlerts(db: Db, monitorId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`signaal:${monitorId}`}))`.execute(db);
}

export async function insertAlert(db: Db, row: Insertable<ListeningAlertsTable>) {
  return db
    .insertInto('listening_alerts')
    .values(row)
    .onConflict((conflict) => conflict.columns(['organisation_id', 'monitor_id', 'kind', 'window_start']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

// An alert of a monitor for the whole organisation (no municipality) is everyone's; others follow the scope.
export async function findAlerts(db: Db, scope: Scope, filter: { alertId?: string; monitorId?: string; limit: number }) {
  let query = db
    .selectFrom('listening_alerts as a')
    .innerJoin('monitors as m', (join) => join.onRef('m.organisation_id', '=', 'a.organisation_id').onRef('m.id', '=', 'a.monitor_id'))
    .selectAll('a')
    .select(['m.name as monitor_name', 'm.municipality_id'])
    .where('a.organisation_id', '=', scope.organisationId)
    .where((where) => where.or([where('m.municipality_id', 'is', null), isInScope('m.municipality_id', scope)]));
  if (filter.alertId) query = query.where('a.id', '=', filter.alertId);
  if (filter.monitorId) query = query.where('a.monitor_id', '=', filter.monitorId);
  return query.orderBy('a.created_at', 'desc').limit(filter.limit).execute();
}

export async function markAlertSeen(db: Db, organisationId: string, alertId: string, userId: string, at: Date) {
  return db
    .updateTable('listening_alerts')
    .set({ seen_by: userId, seen_at: at })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', alertId)
    .returningAll()
    .executeTakeFirst();
}

export async function findMonitorForAlert(db: Db, organisationId: string, monitorId: string) {
  return db
    .selectFrom('monitors')
    .select(['name', 'municipality_id', 'alert_emails', 'alerts_enabled'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', monitorId)
    .executeTakeFirstOrThrow();
}
