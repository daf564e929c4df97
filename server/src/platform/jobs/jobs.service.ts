import { recordAudit } from '../audit/audit.service';
import { runInTransaction, type ServiceContext } from '../context.service';
import type { Db } from '../db/database.client';
import type { JobRow } from '../db/database.schema';
import { notFound } from '../http/http.errors';
import { assertCan } from '../tenancy/policy.rules';
import { countJobsByStatus, findJobs, insertJob, type NewJob, requeueFailedJob } from './jobs.repository';
import { findSchedules } from './schedules.repository';

export function enqueueJob(db: Db, job: NewJob): Promise<string | null> {
  return insertJob(db, job);
}

function toJobView(row: JobRow) {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error,
    runAt: row.run_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

export async function listJobs(ctx: ServiceContext, filter: { status?: JobRow['status']; limit: number }) {
  assertCan(ctx.actor, 'jobs.read');
  const [rows, counts, schedules] = await Promise.all([
    findJobs(ctx.db, ctx.actor.organisationId, filter),
    countJobsByStatus(ctx.db, ctx.actor.organisationId),
    findSchedules(ctx.db, ctx.actor.organisationId),
  ]);
  const countOf = (status: string) => Number(counts.find((row) => row.status === status)?.count ?? 0);
  return {
    counts: { queued: countOf('queued'), running: countOf('running'), done: countOf('done'), failed: countOf('failed') },
    jobs: rows.map(toJobView),
    schedules: schedules.map((row) => ({
      id: row.id,
      name: row.name,
      jobName: row.job_name,
      cron: row.cron,
      timeZone: row.time_zone,
      enabled: row.enabled,
      nextRunAt: row.next_run_at.toISOString(),
      lastRunAt: row.last_run_at?.toISOString() ?? null,
    })),
  };
}

export async function retryJob(ctx: ServiceContext, jobId: string) {
  assertCan(ctx.actor, 'jobs.manage');
  return runInTransaction(ctx, async (tx) => {
    const row = await requeueFailedJob(tx.db, tx.actor.organisationId, jobId, tx.clock.now());
    if (!row) throw notFound('De mislukte taak');
    await recordAudit(tx, { action: 'taak.opnieuw', recordType: 'taak', recordId: jobId, details: { name: row.name } });
    return toJobView(row);
  });
}
