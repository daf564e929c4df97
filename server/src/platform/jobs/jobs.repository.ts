import { sql } from 'kysely';
import type { Db } from '../db/database.client';
import type { JobRow } from '../db/database.schema';

export interface NewJob {
  organisationId: string;
  name: string;
  payload?: Record<string, unknown>;
  runAt: Date;
  uniqueKey?: string | null;
  maxAttempts?: number;
}

// A unique key makes enqueueing idempotent: the second insert with the same key is ignored.
export async function insertJob(db: Db, job: NewJob): Promise<string | null> {
  const row = await db
    .insertInto('jobs')
    .values({
      organisation_id: job.organisationId,
      name: job.name,
      payload: JSON.stringify(job.payload ?? {}),
      run_at: job.runAt,
      unique_key: job.uniqueKey ?? null,
      max_attempts: job.maxAttempts,
      created_at: job.runAt,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'unique_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

// Takes one due job (or one whose worker's lease ran out) without waiting on rows another worker holds.
export async function claimDueJob(db: Db, claim: { names: string[]; workerId: string; now: Date; leaseUntil: Date }): Promise<JobRow | undefined> {
  const result = await sql<JobRow>`
    UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_token = gen_random_uuid(),
      lease_until = ${claim.leaseUntil}, locked_by = ${claim.workerId}
    WHERE (organisation_id, id) = (
      SELECT organisation_id, id FROM jobs
      WHERE name = ANY(${claim.names}::text[])
        AND ((status = 'queued' AND run_at <= ${claim.now}) OR (status = 'running' AND lease_until < ${claim.now}))
      ORDER BY run_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`.execute(db);
  return result.rows[0];
}

// More queued jobs of the same name and organisation that are due and have not been tried yet, claimed
// together with one just claimed (see JobDefinition.coalesce). A job that failed before is never taken along:
// it runs alone, so one bad batch cannot keep failing the others.
export async function claimJobsToCoalesce(
  db: Db,
  claim: { name: string; organisationId: string; workerId: string; now: Date; leaseUntil: Date; limit: number },
): Promise<JobRow[]> {
  if (claim.limit <= 0) return [];
  // In the order they were queued: the handler sees the batches as they came.
  const result = await sql<JobRow>`
    WITH claimed AS (
      UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_token = gen_random_uuid(),
        lease_until = ${claim.leaseUntil}, locked_by = ${claim.workerId}
      WHERE (organisation_id, id) IN (
        SELECT organisation_id, id FROM jobs
        WHERE status = 'queued' AND run_at <= ${claim.now} AND attempts = 0
          AND name = ${claim.name} AND organisation_id = ${claim.organisationId}
        ORDER BY run_at
        LIMIT ${claim.limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING *
    )
    SELECT * FROM claimed ORDER BY run_at, created_at`.execute(db);
  return result.rows;
}

// Locks the job row for the duration of the handler's transaction; fails if the lease was lost.
export async function lockClaimedJob(db: Db, job: Pick<JobRow, 'organisation_id' | 'id' | 'lease_token'>) {
  return db
    .selectFrom('jobs')
    .select('id')
    .where('organisation_id', '=', job.organisation_id)
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('lease_token', '=', job.lease_token)
    .forUpdate()
    .executeTakeFirst();
}

// A worker that is still busy with a job (its prepare phase calls a platform) keeps its claim; a lease it lost
// meanwhile (another worker took over) stays lost.
// Jobs claimed together are of one organisation (see markJobsDone); one statement renews them all.
export async function renewLeases(db: Db, jobs: Pick<JobRow, 'organisation_id' | 'id' | 'lease_token'>[], leaseUntil: Date) {
  if (jobs.length === 0) return;
  await db
    .updateTable('jobs')
    .set({ lease_until: leaseUntil })
    .where('organisation_id', '=', jobs[0]!.organisation_id)
    .where('status', '=', 'running')
    .where((eb) => eb.or(jobs.map((job) => eb.and([eb('id', '=', job.id), eb('lease_token', '=', job.lease_token)]))))
    .execute();
}

// Jobs run together are always of one organisation. Fields in `forget` leave the stored payload; `niet_bewaard` says
// which, so nobody mistakes the row for a mail without text.
export async function markJobsDone(db: Db, jobs: Pick<JobRow, 'organisation_id' | 'id'>[], now: Date, forget: string[] = []) {
  await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: now, lease_token: null, lease_until: null, last_error: null })
    .$if(forget.length > 0, (query) =>
      query.set({ payload: sql`(payload - ${forget}::text[]) || jsonb_build_object('niet_bewaard', ${JSON.stringify(forget)}::jsonb)` }),
    )
    .where('organisation_id', '=', jobs[0]!.organisation_id)
    .where(
      'id',
      'in',
      jobs.map((job) => job.id),
    )
    .execute();
}

export async function markJobFailedAttempt(
  db: Db,
  job: Pick<JobRow, 'organisation_id' | 'id' | 'lease_token'>,
  outcome: { error: string; retryAt: Date | null; now: Date },
) {
  await db
    .updateTable('jobs')
    .set({
      status: outcome.retryAt ? 'queued' : 'failed',
      run_at: outcome.retryAt ?? undefined,
      finished_at: outcome.retryAt ? null : outcome.now,
      last_error: outcome.error.slice(0, 4000),
      lease_token: null,
      lease_until: null,
    })
    .where('organisation_id', '=', job.organisation_id)
    .where('id', '=', job.id)
    .where('lease_token', '=', job.lease_token)
    .execute();
}

export async function findJobs(db: Db, organisationId: string, filter: { status?: JobRow['status']; limit: number }) {
  let query = db.selectFrom('jobs').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').limit(filter.limit);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.execute();
}

export async function requeueFailedJob(db: Db, organisationId: string, jobId: string, now: Date) {
  return db
    .updateTable('jobs')
    .set({ status: 'queued', run_at: now, attempts: 0, finished_at: null })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', jobId)
    .where('status', '=', 'failed')
    .returningAll()
    .executeTakeFirst();
}

export async function findJob(db: Db, organisationId: string, jobId: string) {
  return db.selectFrom('jobs').selectAll().where('organisation_id', '=', organisationId).where('id', '=', jobId).executeTakeFirst();
}

export async function countJobsByStatus(db: Db, organisationId: string) {
  return db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('organisation_id', '=', organisationId)
    .groupBy('status')
    .execute();
}

// Upkeep across organisations (a system job): removes finished jobs of one kind, oldest first, in batches.
export async function deleteFinishedJobs(db: Db, name: string, finishedBefore: Date, limit: number) {
  const result = await db
    .deleteFrom('jobs')
    .where('name', '=', name)
    .where('status', '=', 'done')
    .where((eb) =>
      eb(
        'id',
        'in',
        eb.selectFrom('jobs').select('id').where('name', '=', name).where('status', '=', 'done').where('finished_at', '<', finishedBefore).limit(limit),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
