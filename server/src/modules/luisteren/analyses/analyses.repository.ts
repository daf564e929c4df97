import type { Db } from '@platform/db/database.client';
import type { AnalysesTable, AnalysisSchedulesTable } from '@platform/db/database.schema';
import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';

export async function insertAnalysis(db: Db, row: Insertable<AnalysesTable>) {
  // A scheduled analysis is unique per schedule and due moment: a second planner run finds it there.
  return db
    .insertInto('analyses')
    .values(row)
    .onConflict((oc) => oc.columns(['organisation_id', 'schedule_id', 'due_at']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function findAnalyses(db: Db, organisationId: string, limit: number) {
  return db
    .selectFrom('analyses')
    .select([
      'id',
      'kind',
      'title',
      'status',
      'municipality_id',
      'period_from',
      'period_until',
      'schedule_id',
      'sent_at',
      'updated_at',
      sql<number>`coalesce((figures->>'total')::int, 0)`.as('total'),
    ])
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function findAnalysis(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('analyses as a')
    .leftJoin('monitors as mo', (join) => join.onRef('mo.organisation_id', '=', 'a.organisation_id').onRef('mo.id', '=', 'a.monitor_id'))
    .selectAll('a')
    .select('mo.name as monitor_name')
    .where('a.organisation_id', '=', organisationId)
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export type AnalysisWithMonitor = NonNullable<Awaited<ReturnType<typeof findAnalysis>>>;

export async function updateAnalysis(db: Db, organisationId: string, id: string, changes: Updateable<AnalysesTable>) {
  await db.updateTable('analyses').set(changes).where('organisation_id', '=', organisationId).where('id', '=', id).execute();
}

// Compare-and-set on the version: of two clicks on "versturen", one sends.
export async function markSent(db: Db, organisationId: string, id: string, version: number, at: Date) {
  const result = await db
    .updateTable('analyses')
    .set({ sent_version: version, sent_at: at })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .where((where) => where.or([where('sent_version', 'is', null), where('sent_version', '<', version)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findSchedules(db: Db, organisationId: string) {
  return db.selectFrom('analysis_schedules').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at').orderBy('id').execute();
}

export async function findSchedule(db: Db, organisationId: string, id: string) {
  return db.selectFrom('analysis_schedules').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function insertSchedule(db: Db, row: Insertable<AnalysisSchedulesTable>) {
  return db.insertInto('analysis_schedules').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateSchedule(db: Db, organisationId: string, id: string, changes: Updateable<AnalysisSchedulesTable>) {
  await db.updateTable('analysis_schedules').set(changes).where('organisation_id', '=', organisationId).where('id', '=', id).execute();
}

export async function deleteSchedule(db: Db, organisationId: string, id: string) {
  await db.deleteFrom('analysis_schedules').where('organisation_id', '=', organisationId).where('id', '=', id).execute();
}

// Across organisations: the planner is a system job.
export async function findDueSchedules(db: Db, now: Date, limit: number) {
  return db.selectFrom('analysis_schedules').selectAll().where('next_due_at', '<=', now).orderBy('next_due_at').limit(limit).execute();
}

export async function advanceSchedule(db: Db, organisationId: string, id: string, expectedDueAt: Date, nextDueAt: Date) {
  const result = await db
    .updateTable('analysis_schedules')
    .set({ next_due_at: nextDueAt })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('next_due_at', '=', expectedDueAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
