import { CronExpressionParser } from 'cron-parser';
import type { Clock } from '../clock.service';
import type { Db } from '../db/database.client';
import { insertJob } from './jobs.repository';
import { advanceSchedule, findDueSchedules, upsertSchedule } from './schedules.repository';

export function computeNextCronRun(cron: string, timeZone: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: timeZone }).next().toDate();
}

export async function defineSchedule(
  db: Db,
  clock: Clock,
  schedule: { organisationId: string; name: string; jobName: string; cron: string; timeZone?: string; payload?: Record<string, unknown> },
): Promise<void> {
  const timeZone = schedule.timeZone ?? 'Europe/Amsterdam';
  await upsertSchedule(db, {
    ...schedule,
    timeZone,
    payload: schedule.payload ?? {},
    nextRunAt: computeNextCronRun(schedule.cron, timeZone, clock.now()),
  });
}

// Turns due schedules into jobs. The compare-and-set and the job's unique key both make sure a
// schedule fires once per moment, however many processes run this at the same time.
export async function runDueSchedules(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  const due = await findDueSchedules(db, now, 50);
  let fired = 0;
  for (const schedule of due) {
    await db.transaction().execute(async (trx) => {
      const advanced = await advanceSchedule(trx, {
        organisationId: schedule.organisation_id,
        id: schedule.id,
        expectedNextRunAt: schedule.next_run_at,
        nextRunAt: computeNextCronRun(schedule.cron, schedule.time_zone, now),
        ranAt: now,
      });
      if (!advanced) return;
      await insertJob(trx, {
        organisationId: schedule.organisation_id,
        name: schedule.job_name,
        payload: schedule.payload,
        runAt: now,
        uniqueKey: `schedule:${schedule.id}:${schedule.next_run_at.toISOString()}`,
      });
      fired++;
    });
  }
  return fired;
}
