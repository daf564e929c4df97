import type { Db } from '../db/database.client';

export async function upsertSchedule(
  db: Db,
  schedule: { organisationId: string; name: string; jobName: string; cron: string; timeZone: string; payload: Record<string, unknown>; nextRunAt: Date },
) {
  await db
    .insertInto('job_schedules')
    .values({
      organisation_id: schedule.organisationId,
      name: schedule.name,
      job_name: schedule.jobName,
      cron: schedule.cron,
      time_zone: schedule.timeZone,
      payload: JSON.stringify(schedule.payload),
      next_run_at: schedule.nextRunAt,
    })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'name']).doUpdateSet((eb) => ({
        job_name: eb.ref('excluded.job_name'),
        cron: eb.ref('excluded.cron'),
        time_zone: eb.ref('excluded.time_zone'),
        payload: eb.ref('excluded.payload'),
      })),
    )
    .execute();
}

export async function findDueSchedules(db: Db, now: Date, limit: number) {
  return db.selectFrom('job_schedules').selectAll().where('enabled', '=', true).where('next_run_at', '<=', now).orderBy('next_run_at').limit(limit).execute();
}

// Compare-and-set on next_run_at: of several processes seeing the same due schedule, one advances it.
export async function advanceSchedule(
  db: Db,
  schedule: { organisationId: string; id: string; expectedNextRunAt: Date; nextRunAt: Date; ranAt: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('job_schedules')
    .set({ next_run_at: schedule.nextRunAt, last_run_at: schedule.ranAt })
    .where('organisation_id', '=', schedule.organisationId)
    .where('id', '=', schedule.id)
    .where('next_run_at', '=', schedule.expectedNextRunAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findSchedules(db: Db, organisationId: string) {
  return db.selectFrom('job_schedules').selectAll().where('organisation_id', '=', organisationId).orderBy('name').execute();
}
